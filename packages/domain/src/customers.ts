import { validateAddress, type Address } from './address.js';
import { requireEmail, requirePhone, requireText, type FieldError, fieldErrorsMessage } from './contact.js';
import { loginKey, parseLogin } from './customer-access.js';
import { isCustomerSegment, type CustomerSegment } from './segments.js';
import { fail, ok, type Outcome } from './verdict.js';

/** R6: the person who deploys and manages the licences, emailed once they are provisioned. */
export interface AdministrativeContact {
  name: string;
  email: string;
  phone: string;
}

export interface CustomerInput {
  segment: CustomerSegment;
  companyName: string;
  address: Address;
  adminContact: AdministrativeContact;
  /** R8: the customer-portal login; best named after the company. */
  portalLogin: string;
  /** R7: vendor-contract fields are not required for Microsoft. */
  vendorContractId?: string | null;
}

/** R5–R8: a new end customer, every field checked, every fault reported at once. */
export function validateCustomer(
  input: CustomerInput,
): Outcome<CustomerInput & { portalLoginKey: string }, 'VALIDATION_FAILED'> & { errors?: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isCustomerSegment(input.segment))
    errors.push({
      field: 'segment',
      code: 'SEGMENT_UNKNOWN',
      message: 'Choose Commercial, Education, Nonprofit or Government.',
    });
  const companyName = requireText(errors, 'companyName', input.companyName, 'Company name');
  const { address, errors: addressErrors } = validateAddress(input.address);
  errors.push(...addressErrors);
  const adminContact = {
    name: requireText(errors, 'adminContact.name', input.adminContact?.name, 'Administrative contact name'),
    email: requireEmail(errors, 'adminContact.email', input.adminContact?.email, 'Administrative contact email'),
    phone: requirePhone(errors, 'adminContact.phone', input.adminContact?.phone, 'Administrative contact phone'),
  };
  const login = parseLogin(input.portalLogin ?? '');
  if (!login.ok) errors.push({ field: 'portalLogin', code: login.code, message: login.message });
  const vendorContractId = (input.vendorContractId ?? '').trim() || null;
  if (vendorContractId && vendorContractId.length > 60)
    errors.push({
      field: 'vendorContractId',
      code: 'TOO_LONG',
      message: 'The vendor contract ID has at most 60 characters.',
    });
  if (errors.length || !login.ok) return { ...fail('VALIDATION_FAILED', fieldErrorsMessage(errors)), errors };
  return ok({
    segment: input.segment,
    companyName,
    address,
    adminContact,
    portalLogin: login.value,
    portalLoginKey: loginKey(login.value),
    vendorContractId,
  });
}
