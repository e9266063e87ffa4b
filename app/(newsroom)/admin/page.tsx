import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRow } from "@/components/admin/user-row";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { ROLES } from "@/lib/domain/policy";
import { listUsers } from "@/lib/server/queries/users";
import { requirePermission } from "@/lib/server/session";
import { ApiKeys } from "@/components/admin/api-keys";
import { listApiKeys } from "@/lib/server/queries/api-keys";
import { changeRoleAction, createApiKeyAction, createUserAction, revokeApiKeyAction, setActiveAction } from "./actions";

export const metadata: Metadata = { title: "Admin" };

const USER_COLUMNS = [{ label: "Name" }, { label: "Email" }, { label: "Role" }, { label: "Status" }, { label: "Actions" }];

export default async function AdminPage() {
  const admin = await requirePermission("user.manage");
  const [users, apiKeys] = await Promise.all([listUsers(), listApiKeys()]);
  return (
    <>
      <PageHeader title="Admin" description="Users, roles and API keys. A deactivated user is signed out on their next request." />
      <section aria-labelledby="users-heading" className="space-y-4">
        <h2 id="users-heading" className="text-lg font-semibold">
          Users
        </h2>
        <Table label="Users" columns={USER_COLUMNS}>
          {users.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              roles={ROLES}
              isSelf={user.id === admin.id}
              changeRole={changeRoleAction}
              setActive={setActiveAction}
            />
          ))}
        </Table>
        <CreateUserForm action={createUserAction} roles={ROLES} />
      </section>
      <section aria-labelledby="keys-heading" className="mt-10 space-y-4">
        <h2 id="keys-heading" className="text-lg font-semibold">
          API keys
        </h2>
        <p className="text-sm text-neutral-600">
          Feeds send wire stories to <code>POST /api/v1/wires</code> with <code>Authorization: Bearer &lt;key&gt;</code>. Keys are stored hashed.
        </p>
        <ApiKeys
          keys={apiKeys.map((key) => ({
            id: key.id,
            name: key.name,
            prefix: key.prefix,
            createdAt: key.createdAt.toISOString(),
            createdBy: key.createdBy.name,
            lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
            revokedAt: key.revokedAt?.toISOString() ?? null,
          }))}
          create={createApiKeyAction}
          revoke={revokeApiKeyAction}
        />
      </section>
    </>
  );
}
