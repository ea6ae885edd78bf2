// What the mock Jamf Pro server holds besides clients and roles: the privileges each endpoint
// demands (Jamf's x-required-privileges, written out here on purpose so the contract test can
// hold both this table and the extension's probes to Jamf's document), the privilege names the
// role form offers, and a small fictitious inventory.

/** `METHOD /path` under /api → privileges the caller must hold (all of them). */
export const requiredPrivileges: Record<string, string[]> = {
  'GET /v1/jamf-pro-version': [],
  'POST /v1/auth/invalidate-token': [],
  'GET /v1/computers-inventory': ['Read Computers'],
  'GET /v3/computers-inventory': ['Read Computers'],
  'GET /v2/mobile-devices': ['Read Mobile Devices'],
  'GET /v1/buildings': ['Read Buildings'],
  'GET /v1/departments': ['Read Departments'],
  'GET /v1/computer-groups': ['Read Smart Computer Groups', 'Read Static Computer Groups'],
  'GET /v2/computer-groups/smart-groups': ['Read Smart Computer Groups'],
  'GET /v1/api-roles': ['Read API Roles'],
};

/** Names offered by the role form (a slice of Jamf's list: inventory, groups, API, settings objects). */
export const privilegeCatalogue = [
  'Create API Integrations', 'Create API Roles', 'Create Advanced Mobile Device Searches', 'Create Buildings',
  'Create Categories', 'Create Computer Extension Attributes', 'Create Computer PreStage Enrollments',
  'Create Departments', 'Create Mobile Device PreStage Enrollments', 'Create Packages', 'Create Scripts',
  'Create Smart Computer Groups', 'Create Static Mobile Device Groups', 'Delete API Integrations', 'Delete API Roles',
  'Delete Advanced Mobile Device Searches', 'Delete Buildings', 'Delete Categories',
  'Delete Computer Extension Attributes', 'Delete Computer PreStage Enrollments', 'Delete Computers',
  'Delete Departments', 'Delete Mobile Device PreStage Enrollments', 'Delete Packages', 'Delete Scripts',
  'Delete Smart Computer Groups', 'Delete Static Mobile Device Groups', 'Read API Integrations', 'Read API Roles',
  'Read Accounts', 'Read Advanced Mobile Device Searches', 'Read Buildings', 'Read Categories',
  'Read Computer Check-In', 'Read Computer Extension Attributes', 'Read Computer Inventory Collection Settings',
  'Read Computer PreStage Enrollments', 'Read Computers', 'Read Departments', 'Read Mobile Device Extension Attributes',
  'Read Mobile Device PreStage Enrollments', 'Read Mobile Devices', 'Read Packages', 'Read Patch Policies',
  'Read Policies', 'Read Scripts', 'Read Sites', 'Read Smart Computer Groups', 'Read Smart Mobile Device Groups',
  'Read Static Computer Groups', 'Read Static Mobile Device Groups', 'Update API Integrations', 'Update API Roles',
  'Update Advanced Mobile Device Searches', 'Update Buildings', 'Update Categories', 'Update Computer Check-In',
  'Update Computer Extension Attributes', 'Update Computer Inventory Collection Settings',
  'Update Computer PreStage Enrollments', 'Update Computers', 'Update Departments',
  'Update Mobile Device PreStage Enrollments', 'Update Mobile Devices', 'Update Packages', 'Update Patch Policies',
  'Update Policies', 'Update Scripts', 'Update Smart Computer Groups', 'Update Smart Mobile Device Groups',
  'Update Static Mobile Device Groups',
];

/** The privileges of Keyhold's default template, given to the demo client's role. */
export const inventoryReadOnly = [
  'Read Computers',
  'Read Mobile Devices',
  'Read Buildings',
  'Read Departments',
  'Read Smart Computer Groups',
  'Read Static Computer Groups',
];

// Only the GENERAL section is filled: other sections are left out rather than null, because
// Jamf's schema does not mark them nullable.
export const computers = [
  {
    id: '1',
    udid: '5A3C1E8B-2F4D-4B6A-9C7E-1D2F3A4B5C6D',
    general: {
      name: 'FIN-MBP-014',
      lastIpAddress: '10.20.4.31',
      lastReportedIp: '10.20.4.31',
      jamfBinaryVersion: '11.10.1-t1728390485',
      platform: 'Mac',
      assetTag: 'A-10442',
      supervised: true,
      reportDate: '2024-10-28T09:12:44Z',
      lastContactTime: '2024-10-29T07:55:02Z',
      lastEnrolledDate: '2024-03-04T14:20:11Z',
      initialEntryDate: '2024-03-04',
      itunesStoreAccountActive: false,
      enrolledViaAutomatedDeviceEnrollment: true,
      userApprovedMdm: true,
      declarativeDeviceManagementEnabled: true,
      managementId: '0c9d6f3a-8b21-4e57-a1c4-7f2e9d0b6a13',
    },
  },
  {
    id: '2',
    udid: '9E8D7C6B-5A4F-4E3D-8C2B-1A0F9E8D7C6B',
    general: {
      name: 'OPS-MBA-007',
      lastIpAddress: '10.20.7.12',
      lastReportedIp: '10.20.7.12',
      jamfBinaryVersion: '11.10.1-t1728390485',
      platform: 'Mac',
      assetTag: 'A-10518',
      supervised: true,
      reportDate: '2024-10-27T16:40:09Z',
      lastContactTime: '2024-10-29T06:31:47Z',
      lastEnrolledDate: '2024-05-17T10:02:33Z',
      initialEntryDate: '2024-05-17',
      itunesStoreAccountActive: false,
      enrolledViaAutomatedDeviceEnrollment: true,
      userApprovedMdm: true,
      declarativeDeviceManagementEnabled: false,
      managementId: '7b4e2a91-3c5d-4f68-b0e7-2a9c1d8f4e56',
    },
  },
];

export const mobileDevices = [
  {
    id: '1',
    name: 'Front desk iPad',
    serialNumber: 'DMPXK2QJQ1GC',
    wifiMacAddress: '3C:22:FB:10:6A:4E',
    udid: '00008103-001A2B3C4D5E6F70',
    phoneNumber: '',
    model: 'iPad (9th generation)',
    modelIdentifier: 'iPad12,1',
    username: 'frontdesk',
    type: 'ios',
    managementId: 'e1d2c3b4-a596-4788-9a0b-1c2d3e4f5a6b',
    softwareUpdateDeviceId: 'J181AP',
  },
  {
    id: '2',
    name: 'Warehouse scanner',
    serialNumber: 'F4KXQ9PLN72D',
    wifiMacAddress: '8C:85:90:2B:17:C1',
    udid: '00008030-000A1B2C3D4E5F60',
    phoneNumber: '',
    model: 'iPhone SE (3rd generation)',
    modelIdentifier: 'iPhone14,6',
    username: 'warehouse',
    type: 'ios',
    managementId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',
    softwareUpdateDeviceId: 'D49AP',
  },
];

export const buildings = [
  {
    id: '1',
    name: 'Head office',
    streetAddress1: '12 Harbour Road',
    streetAddress2: null,
    city: 'Bristol',
    stateProvince: null,
    zipPostalCode: 'BS1 4RN',
    country: 'United Kingdom',
  },
  {
    id: '2',
    name: 'Warehouse',
    streetAddress1: '4 Dock Lane',
    streetAddress2: 'Unit 7',
    city: 'Avonmouth',
    stateProvince: null,
    zipPostalCode: 'BS11 9YA',
    country: 'United Kingdom',
  },
];

export const departments = [
  { id: '1', name: 'Finance' },
  { id: '2', name: 'Operations' },
  { id: '3', name: 'IT' },
];

export const computerGroups = [
  { id: '1', name: 'All Managed Clients', smartGroup: true },
  { id: '2', name: 'Finance laptops', smartGroup: false },
  { id: '3', name: 'FileVault not enabled', smartGroup: true },
];

export const smartComputerGroups = [
  { id: '1', name: 'All Managed Clients', description: 'Every managed Mac', membershipCount: 2 },
  { id: '3', name: 'FileVault not enabled', description: 'Macs without FileVault', membershipCount: 0 },
];
