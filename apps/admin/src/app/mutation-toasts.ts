import { ApolloLink } from '@apollo/client';
import { map } from 'rxjs';
import introspection from '../gql/possible-types';
import { notifyDone } from '../components/feedback';

/**
 * What each successful change says in a toast. Mutations missing here say nothing on purpose: signing in
 * and out move the page, revealing a secret shows it, Buy lands on the new order with its own banner.
 */
export const DONE_MESSAGES: Record<string, string> = {
  AcceptTenantRelationship: 'Authorisation accepted for the tenant.',
  AddToCart: 'Added to the cart.',
  ApproveTermsRequest: 'Terms approved; the reseller can pay on terms.',
  BindCartCustomer: 'Customer set for this purchase.',
  ChangePassword: 'Password changed; your other sessions were signed out.',
  ChooseExistingTenant: 'Tenant chosen.',
  ChooseNewTenant: 'New tenant requested.',
  CommentSupportCase: 'Comment added.',
  CommentTermsRequest: 'Comment added.',
  CreateCustomer: 'Customer created.',
  CreateCustomerTenant: 'Tenant created at Microsoft.',
  CreatePasswordReset: 'Reset link created.',
  CreateReseller: 'Reseller created.',
  CreateResellerUser: 'User created; give them the link to set a password.',
  CreateStaffUser: 'Staff user created; give them the link to set a password.',
  DecideTermsRequest: 'Terms request updated.',
  ImportPriceList: 'Import started.',
  OpenSupportCase: 'Case opened.',
  RegeneratePortalPassword: 'New portal password generated; the old one no longer works.',
  RemoveCartLine: 'Removed from the cart.',
  ResendInvoice: 'Invoice sent again.',
  RetryOrderProvisioning: 'Provisioning started again.',
  ReturnOrderLine: 'Return done; the credit note is on the order.',
  RunResellerChecks: 'Checks run with Microsoft.',
  SaveSimPartner: 'Simulated partner saved.',
  SaveSimTenant: 'Simulated tenant saved.',
  SendPasswordReset: 'Reset link emailed.',
  SetCartQuantity: 'Quantity saved.',
  SetResellerIdentifiers: 'Identifiers saved and checked.',
  SetResellerStatus: 'Reseller status changed.',
  SignAttestation: 'Attestation signed.',
  SubmitTermsRequest: 'Terms request sent to the credit team.',
  UnlockSignIn: 'Sign-in unlocked.',
  UnlockSignInAddress: 'Address unlocked.',
  UpdateCustomer: 'Customer saved.',
  UpdateReseller: 'Reseller saved.',
  UpdateStaffUser: 'Staff user saved.',
  UpdateSupportCase: 'Case updated.',
};

const FAILURES = new Set<string>([
  ...(introspection.possibleTypes.BusinessError ?? []),
  'ValidationFailed',
  'NotFound',
  'VersionConflict',
]);

/** Whether a mutation's answer is a success: not an error member of its result union, not false. */
export function succeeded(answer: unknown): boolean {
  if (answer === false) return false;
  if (answer && typeof answer === 'object' && '__typename' in answer)
    return !FAILURES.has(String((answer as { __typename: string }).__typename));
  return true;
}

export const mutationToasts = new ApolloLink((operation, forward) => {
  const definition = operation.query.definitions.find((d) => d.kind === 'OperationDefinition');
  const message =
    definition && 'operation' in definition && definition.operation === 'mutation'
      ? DONE_MESSAGES[operation.operationName ?? '']
      : undefined;
  if (!message) return forward(operation);
  return forward(operation).pipe(
    map((result) => {
      const answers = Object.values((result.data ?? {}) as Record<string, unknown>);
      if (!result.errors?.length && answers.length > 0 && answers.every(succeeded)) notifyDone(message);
      return result;
    }),
  );
});
