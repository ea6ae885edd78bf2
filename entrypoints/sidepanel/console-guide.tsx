// The guide for the console tab and the add-by-hand form (which starts on the guide's credential
// type), loaded on demand by on-demand.tsx: both need the guides and descriptions.
import type { ComponentProps } from 'react';
import type { Guide } from '@/utils/vendors/types';
import { guidesFor } from '@/utils/vendors/guide-registry';
import { GuideView } from '@/components/guide-view';
import { AddCredentialForm } from '@/components/add-credential-form';

export function ConsoleGuide({
  consoleId,
  currentStep,
  onTemplate,
}: {
  consoleId: string;
  currentStep: string | null;
  onTemplate?: (guide: Guide, template: string) => void;
}) {
  return <GuideView guides={guidesFor(consoleId)} currentStep={currentStep} onTemplate={onTemplate} />;
}

export function AddByHand({
  consoleId,
  ...props
}: Omit<ComponentProps<typeof AddCredentialForm>, 'initialVendor'> & { consoleId?: string }) {
  return <AddCredentialForm {...props} initialVendor={consoleId ? guidesFor(consoleId)[0]?.credentialType : undefined} />;
}
