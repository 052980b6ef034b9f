import type { ModulePermission, Permission } from '../platform/permissions.js';
import { Me } from './identity.types.js';
import type { UserEntity } from './user.entity.js';

export const toMe = (user: UserEntity, permissions: readonly (Permission | ModulePermission)[]): Me =>
  Object.assign(new Me(), {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    kind: user.kind,
    roles: user.roles ? user.roles.split(',') : [],
    permissions,
    resellerId: user.resellerId,
  });
