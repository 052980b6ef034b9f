import { validateAddress, type Address, type FieldError } from '@nce/domain';

/**
 * R7: Microsoft validates customer addresses, so the marketplace does too. The local rules check and
 * normalise by country; a real address-validation service can take their place behind this interface.
 */
export interface AddressValidator {
  validate(address: Partial<Address>, prefix?: string): Promise<{ address: Address; errors: FieldError[] }>;
}

export const localAddressRules: AddressValidator = {
  validate: async (address, prefix) => validateAddress(address, prefix),
};
