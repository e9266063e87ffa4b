import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRow } from "@/components/admin/user-row";
import { PageHeader } from "@/components/ui/page-header";
import { ROLES } from "@/lib/domain/policy";
import { listUsers } from "@/lib/server/queries/users";
import { requirePermission } from "@/lib/server/session";
import { changeRoleAction, createUserAction, setActiveAction } from "./actions";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const admin = await requirePermission("user.manage");
  const users = await listUsers();
  return (
    <>
      <PageHeader title="Admin" description="Users and roles. A deactivated user is signed out on their next request." />
      <section aria-labelledby="users-heading" className="space-y-4">
        <h2 id="users-heading" className="text-lg font-semibold">
          Users
        </h2>
        <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase text-neutral-500">
              <tr>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Email</th>
                <th scope="col" className="px-3 py-2">Role</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Actions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
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
            </tbody>
          </table>
        </div>
        <CreateUserForm action={createUserAction} roles={ROLES} />
      </section>
    </>
  );
}
