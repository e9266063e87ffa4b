import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRow } from "@/components/admin/user-row";
import { PageHeader, PageSection } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { ROLES } from "@/lib/domain/policy";
import { listUsers } from "@/lib/server/queries/users";
import { requirePermission } from "@/lib/server/session";
import { ApiKeys } from "@/components/admin/api-keys";
import { listApiKeys } from "@/lib/server/queries/api-keys";
import { Channels } from "@/components/admin/channels";
import { listChannels } from "@/lib/server/queries/channels";
import { Subscribers } from "@/components/admin/subscribers";
import { listSubscribers } from "@/lib/server/queries/subscribers";
import {
  changeRoleAction,
  createApiKeyAction,
  createChannelAction,
  createSubscriberAction,
  createUserAction,
  deleteChannelAction,
  deleteSubscriberAction,
  resendDeliveryAction,
  setSubscriberActiveAction,
  revokeApiKeyAction,
  setActiveAction,
  updateChannelAction,
} from "./actions";

export const metadata: Metadata = { title: "Admin" };

const USER_COLUMNS = [{ label: "Name" }, { label: "Email" }, { label: "Role" }, { label: "Status" }, { label: "Actions" }];

export default async function AdminPage() {
  const admin = await requirePermission("user.manage");
  const [users, apiKeys, channels, subscribers] = await Promise.all([listUsers(), listApiKeys(), listChannels(admin), listSubscribers(admin)]);
  return (
    <>
      <PageHeader title="Admin" description="Users, roles, API keys, ingest channels and subscribers. A deactivated user is signed out on their next request." />
      <PageSection id="users" title="Users">
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
      </PageSection>
      <PageSection
        id="keys"
        title="API keys"
        description={
          <>
            Feeds send wire stories to <code>POST /api/v1/wires</code> with <code>Authorization: Bearer &lt;key&gt;</code>. Keys are stored hashed.
          </>
        }
      >
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
      </PageSection>
      <PageSection
        id="channels"
        title="Ingest channels"
        description={
          <>
            The worker polls each channel on its own: RSS 2.0 and Atom feeds (asking only for what changed), and drop folders of .txt, ninjs .json
            and NewsML-G2/NITF .xml files, each file taken once and moved to <code>done/</code> or <code>failed/</code>. Items go through the same
            import as pasted wires. Also at <code>/api/v1/admin/channels</code>.
          </>
        }
      >
        <Channels channels={channels} actions={{ create: createChannelAction, update: updateChannelAction, remove: deleteChannelAction }} />
      </PageSection>
      <PageSection
        id="subscribers"
        title="Subscribers"
        description={
          <>
            Systems sent each story as it is published, corrected or unpublished, as ninjs 2.1 or NewsML-G2, by the worker, retried with backoff when
            they fail. Each body is signed: <code>X-Factdesk-Signature: sha256=&lt;HMAC-SHA256 of the body under the secret, in hex&gt;</code>.
          </>
        }
      >
        <Subscribers
          subscribers={subscribers}
          actions={{ create: createSubscriberAction, setActive: setSubscriberActiveAction, remove: deleteSubscriberAction, resend: resendDeliveryAction }}
        />
      </PageSection>
    </>
  );
}
