// State of the Iru (Kandji) mock: tenants, their devices and Blueprints, and the API tokens the
// console pages create. API bodies follow the examples of Kandji's public Postman collection
// (checked by tests/contracts/iru), with invented values.
import { randomUUID } from 'node:crypto';

export type IruDomain = 'kandji.io' | 'eu.kandji.io' | 'iru.com' | 'eu.iru.com';

/** The permission checkboxes of the console, by section, with the route each one opens. */
export const PERMISSION_CATALOGUE: { section: string; permissions: { name: string; route: string }[] }[] = [
  {
    section: 'Blueprints Management',
    permissions: [
      { name: 'List Blueprints', route: 'GET /blueprints' },
      { name: 'Get Blueprint', route: 'GET /blueprints/{blueprint_id}' },
      { name: 'Create Blueprint', route: 'POST /blueprints' },
      { name: 'Update Blueprint', route: 'PATCH /blueprints/{blueprint_id}' },
      { name: 'Delete Blueprint', route: 'DELETE /blueprints/{blueprint_id}' },
    ],
  },
  {
    section: 'Device Information',
    permissions: [
      { name: 'Device list', route: 'GET /devices' },
      { name: 'Device ID', route: 'GET /devices/{device_id}' },
      { name: 'Device details', route: 'GET /devices/{device_id}/details' },
      { name: 'Application list', route: 'GET /devices/{device_id}/apps' },
      { name: 'Device activity', route: 'GET /devices/{device_id}/activity' },
      { name: 'Library items', route: 'GET /devices/{device_id}/library-items' },
      { name: 'Update device', route: 'PATCH /devices/{device_id}' },
    ],
  },
  {
    section: 'Device Actions',
    permissions: [
      { name: 'Lock device', route: 'POST /devices/{device_id}/action/lock' },
      { name: 'Restart device', route: 'POST /devices/{device_id}/action/restart' },
      { name: 'Erase device', route: 'POST /devices/{device_id}/action/erase' },
    ],
  },
  {
    section: 'Device Secrets',
    permissions: [
      { name: 'Activation Lock bypass code', route: 'GET /devices/{device_id}/secrets/bypasscode' },
      { name: 'FileVault recovery key', route: 'GET /devices/{device_id}/secrets/filevaultkey' },
      { name: 'Unlock PIN', route: 'GET /devices/{device_id}/secrets/unlockpin' },
    ],
  },
];

export const PERMISSION_NAMES = new Set(PERMISSION_CATALOGUE.flatMap((section) => section.permissions.map((p) => p.name)));

export interface MockDevice {
  id: string;
  name: string;
  platform: 'Mac' | 'iPad';
  model: string;
  modelIdentifier: string;
  serial: string;
  osVersion: string;
  build: string;
  user: { email: string; name: string; id: string; is_archived: boolean } | '';
  assetTag: string;
  blueprint: MockBlueprint;
  enrolledAt: string;
  lastCheckIn: string;
}

export interface MockBlueprint {
  id: string;
  name: string;
  icon: string;
  color: string;
  description: string;
  type: 'classic' | 'map';
  code: string;
}

export interface Tenant {
  sub: string;
  domain: IruDomain;
  consoleHost: string;
  apiHost: string;
  apiUrl: string;
  devices: MockDevice[];
  blueprints: MockBlueprint[];
  /** API requests received (every token of the tenant draws on this one budget). */
  requests: number;
  hourlyLimit: number;
  /** Forced rate limit; `retryAfter` null sends no Retry-After header. */
  rateLimit?: { retryAfter: number | null };
  failStatus?: number;
  html?: boolean;
  delayMs?: number;
  /** How the once-shown token modal displays the secret (see pages.ts). */
  tokenDisplay: 'input' | 'text';
}

export interface TokenRecord {
  /** The token's public record ID (URLs of the console); never the secret. */
  id: string;
  token: string;
  apiHost: string;
  name: string;
  description: string;
  permissions: Set<string>;
  createdAt: string;
  revoked: boolean;
}

export function createTenant(sub: string, domain: IruDomain): Tenant {
  const apiHost = `${sub}.api.${domain}`;
  const blueprints: MockBlueprint[] = [
    {
      id: randomUUID(),
      name: 'All Staff',
      icon: 'ss-users',
      color: 'aqua-500',
      description: 'Default Blueprint for staff Macs',
      type: 'classic',
      code: '204816',
    },
    { id: randomUUID(), name: 'Shared iPads', icon: 'ss-ipad', color: 'blue-600', description: '', type: 'map', code: '731502' },
  ];
  const person = (name: string, email: string) => ({ email: `${email}@${sub}.example`, name, id: randomUUID(), is_archived: false });
  const devices: MockDevice[] = [
    {
      id: randomUUID(),
      name: 'Jane Appleseed’s MacBook Air',
      platform: 'Mac',
      model: 'MacBook Air (M2, 2022)',
      modelIdentifier: 'Mac14,2',
      serial: 'C02FK3XYQ6L4',
      osVersion: '15.3.1',
      build: '24D70',
      user: person('Jane Appleseed', 'jane.appleseed'),
      assetTag: `${sub.toUpperCase()}-0042`,
      blueprint: blueprints[0],
      enrolledAt: '2025-01-14 09:12:44.120331+00:00',
      lastCheckIn: '2025-11-20T08:41:03.511210Z',
    },
    {
      id: randomUUID(),
      name: 'Design Mac mini',
      platform: 'Mac',
      model: 'Mac mini (M2, 2023)',
      modelIdentifier: 'Mac14,3',
      serial: 'H7WQ2LMN0PQR',
      osVersion: '14.7.4',
      build: '23H420',
      user: person('Ravi Patel', 'ravi.patel'),
      assetTag: `${sub.toUpperCase()}-0107`,
      blueprint: blueprints[0],
      enrolledAt: '2024-09-02 15:30:10.004512+00:00',
      lastCheckIn: '2025-11-19T17:02:55.093412Z',
    },
    {
      id: randomUUID(),
      name: 'Front Desk iPad',
      platform: 'iPad',
      model: 'iPad (9th generation) (Wi-Fi)',
      modelIdentifier: 'iPad12,1',
      serial: 'DMPZ81KQ1GH2',
      osVersion: '18.3',
      build: '',
      user: '',
      assetTag: '',
      blueprint: blueprints[1],
      enrolledAt: '2025-03-03 11:05:27.700021+00:00',
      lastCheckIn: '2025-11-20T06:15:40.221003Z',
    },
  ];
  return {
    sub,
    domain,
    consoleHost: `${sub}.${domain}`,
    apiHost,
    apiUrl: `https://${apiHost}`,
    devices,
    blueprints,
    requests: 0,
    hourlyLimit: 10_000,
    tokenDisplay: domain.endsWith('iru.com') ? 'text' : 'input',
  };
}

// ---- API bodies (keys and types as in the Postman collection's examples) ----

const space = (date: string) => date.replace('T', ' ').replace('Z', '+00:00');

/** An element of GET /api/v1/devices. */
export function deviceListItem(device: MockDevice) {
  return { ...deviceRecord(device), lost_mode_status: '', tags: device.platform === 'Mac' ? ['staff'] : [] };
}

/** GET /api/v1/devices/{device_id} (the list item without lost_mode_status). */
export function deviceRecord(device: MockDevice) {
  return {
    device_id: device.id,
    device_name: device.name,
    model: device.model,
    serial_number: device.serial,
    platform: device.platform,
    os_version: device.osVersion,
    supplemental_build_version: device.build,
    supplemental_os_version_extra: '',
    last_check_in: device.lastCheckIn,
    user: device.user,
    asset_tag: device.assetTag,
    blueprint_id: device.blueprint.id,
    mdm_enabled: true,
    agent_installed: device.platform === 'Mac',
    is_missing: false,
    is_removed: false,
    agent_version: device.platform === 'Mac' ? '4.7.2 (5398)' : '',
    first_enrollment: device.enrolledAt,
    last_enrollment: device.enrolledAt,
    blueprint_name: device.blueprint.name,
    tags: device.platform === 'Mac' ? ['staff'] : [],
  };
}

/** GET /api/v1/devices/{device_id}/details: the Mac and iPad shapes differ, as in the examples. */
export function deviceDetails(device: MockDevice) {
  const general = {
    device_id: device.id,
    device_name: device.name,
    last_enrollment: device.enrolledAt,
    first_enrollment: device.enrolledAt,
    model: device.model,
    platform: device.platform,
    os_version: device.osVersion,
    supplemental_build_version: device.build,
    supplemental_os_version_extra: '',
    system_version: device.platform === 'Mac' ? `${device.osVersion} (${device.build})` : '',
    boot_volume: device.platform === 'Mac' ? 'Macintosh HD' : '',
    time_since_boot: device.platform === 'Mac' ? '3 days ago' : '',
    last_user: device.platform === 'Mac' && device.user ? device.user.email.split('@')[0] : '',
    asset_tag: device.assetTag,
    assigned_user: device.user,
    blueprint_name: device.blueprint.name,
    blueprint_uuid: device.blueprint.id,
  };
  const activation_lock = {
    bypass_code_failed: false,
    user_activation_lock_enabled: false,
    device_activation_lock_enabled: false,
    activation_lock_allowed_while_supervised: false,
    activation_lock_supported: true,
  };
  const volume = (name: string, identifier: string, encrypted: string) => ({
    name,
    format: device.platform === 'Mac' ? 'APFS' : '',
    percent_used: '31%',
    identifier,
    capacity: device.platform === 'Mac' ? '245.11 GB' : '64.0 GB',
    available: device.platform === 'Mac' ? '169.02 GB' : '44.16 GB',
    encrypted,
  });
  if (device.platform === 'Mac') {
    const username = general.last_user || 'admin';
    return {
      general,
      mdm: {
        mdm_enabled: 'True',
        supervised: 'True',
        install_date: device.enrolledAt,
        last_check_in: space(device.lastCheckIn),
        mdm_enabled_user: [username],
      },
      activation_lock,
      filevault: {
        filevault_enabled: true,
        filevault_recoverykey_type: 'personal',
        filevault_prk_escrowed: true,
        filevault_next_rotation: '',
        filevault_regen_required: false,
      },
      lost_mode: {},
      automated_device_enrollment: {},
      kandji_agent: {
        agent_installed: 'True',
        install_date: device.enrolledAt,
        last_check_in: device.lastCheckIn,
        agent_version: '4.7.2 (5398)',
      },
      hardware_overview: {
        model_name: device.model.replace(/ \(.*$/, ''),
        model_identifier: device.modelIdentifier,
        processor_name: 'Apple M2',
        processor_speed: '',
        number_of_processors: '8',
        total_number_of_cores: '8',
        memory: '16 GB LPDDR5',
        udid: device.id.toLowerCase(),
        serial_number: device.serial,
      },
      volumes: [volume('Macintosh HD', 'disk3s3s1', 'No'), volume('Macintosh HD - Data', 'disk3s1', 'Yes')],
      network: {
        local_hostname: device.name.replace(/[^A-Za-z0-9]+/g, '-'),
        mac_address: '3c:a6:f6:12:8e:40',
        ip_address: '10.0.4.21',
        public_ip: '',
      },
      recovery_information: {
        recovery_lock_enabled: true,
        firmware_password_exist: false,
        firmware_password_pending: false,
        password_rotation_scheduled: '2026-01-10T09:00:00.000000Z',
        password_has_been_set: true,
      },
      users: {
        regular_users: [{ username, uid: '501', path: `/Users/${username}`, admin: 'Yes', name: device.user ? device.user.name : '' }],
        system_users: [{ username: '_lp', uid: '26', path: '/var/spool/cups', admin: 'No' }],
      },
      installed_profiles: [
        {
          name: 'MDM Profile',
          uuid: randomUUID(),
          verified: 'verified',
          identifier: 'com.kandji.profile.mdmprofile',
          organization: 'Kandji, Inc.',
          payload_types: ['com.apple.mdm', 'com.apple.security.scep'],
          install_date: '2025-01-14 09:12:40 +0000',
        },
      ],
      apple_business_manager: {},
      security_information: { remote_desktop_enabled: false },
      cellular: {},
      tags: ['staff'],
    };
  }
  return {
    general,
    mdm: {
      mdm_enabled: 'True',
      supervised: 'True',
      install_date: device.enrolledAt,
      last_check_in: space(device.lastCheckIn),
      mdm_enabled_user: [],
    },
    activation_lock,
    filevault: {
      filevault_enabled: null,
      filevault_recoverykey_type: '',
      filevault_prk_escrowed: false,
      filevault_next_rotation: '',
      filevault_regen_required: false,
    },
    lost_mode: {},
    automated_device_enrollment: { auto_enroll_eligible: true, auto_enrolled: true },
    kandji_agent: { agent_installed: 'False', install_date: '', last_check_in: device.lastCheckIn, agent_version: '' },
    hardware_overview: { uuid: '00008030-001a2b3c4d5e802e', serial_number: device.serial, model_identifier: device.modelIdentifier },
    volumes: [volume('', '', '')],
    network: { local_hostname: '', mac_address: '8c:98:6b:21:0d:7e', ip_address: '', public_ip: '' },
    recovery_information: {
      recovery_lock_enabled: false,
      firmware_password_exist: false,
      firmware_password_pending: false,
      password_rotation_scheduled: null,
      password_has_been_set: false,
    },
    users: { regular_users: [], system_users: [] },
    installed_profiles: [],
    apple_business_manager: {
      model: 'iPad (9th Generation)',
      color: 'SPACE GRAY',
      description: 'IPAD WI-FI 64GB SPACE GRAY',
      serial_number: device.serial,
      device_family: 'iPad',
      os: 'iPadOS',
      device_assigned_date: '2025-02-27 10:01:12+00:00',
      device_assigned_by: 'it.admin@example.com',
    },
    security_information: { remote_desktop_enabled: null },
    cellular: { voice_roaming: false, data_roaming: false, cellular_technology: 0, subscriptions: null },
    tags: [],
  };
}

/** GET /api/v1/devices/{device_id}/apps. */
export function deviceApps(device: MockDevice) {
  const app = (id: string, name: string, bundle: string, version: string, path: string) => ({
    app_id: id,
    app_name: name,
    bundle_id: bundle,
    bundle_size: device.platform === 'Mac' ? '1' : '52428800',
    app_store_vendable: device.platform === 'Mac' ? '' : 'False',
    device_based_vpp: device.platform === 'Mac' ? '' : 'True',
    source: device.platform === 'Mac' ? 'Apple' : '',
    process: device.platform === 'Mac' ? name : '',
    signature: device.platform === 'Mac' ? 'Software Signing, Apple Code Signing Certification Authority, Apple Root CA' : '',
    creation_date: device.platform === 'Mac' ? '2025-01-14T09:20:02.101870Z' : '',
    modification_date: device.platform === 'Mac' ? '2025-01-14T09:20:02.101888Z' : '',
    path: device.platform === 'Mac' ? path : '',
    version,
  });
  const apps =
    device.platform === 'Mac'
      ? [
          app('91021', 'Safari', 'com.apple.Safari', '18.3', '/Applications/Safari.app'),
          app('91022', 'Activity Monitor', 'com.apple.ActivityMonitor', '10.14', '/System/Applications/Utilities/Activity Monitor.app'),
        ]
      : [app(randomUUID(), 'Keynote', 'com.apple.Keynote', '14.3', '')];
  return { device_id: device.id, apps };
}

/** An element of GET /api/v1/blueprints `results`. */
export function blueprintItem(blueprint: MockBlueprint, devices: MockDevice[]) {
  return {
    id: blueprint.id,
    name: blueprint.name,
    icon: blueprint.icon,
    color: blueprint.color,
    description: blueprint.description,
    params: {},
    computers_count: devices.filter((device) => device.blueprint === blueprint).length,
    enrollment_code: { code: blueprint.code, is_active: true },
    type: blueprint.type,
  };
}
