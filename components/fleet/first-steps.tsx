// The empty fleet: the three ways to add an endpoint, each with what to prepare on the other side.
import Link from "next/link";
import { FileKey, HardDrive, Network } from "lucide-react";
import type { ReactNode } from "react";
import { CommandBlock } from "./command-block";

const DOCKER_TLS = `# On the engine's host, with a CA, a server certificate and key (openssl; Docker's
# "Protect the Docker daemon socket" guide), listen on 2376 and ask clients for a certificate:
dockerd --tlsverify \\
  --tlscacert=ca.pem --tlscert=server-cert.pem --tlskey=server-key.pem \\
  -H unix:///var/run/docker.sock -H tcp://0.0.0.0:2376`;

const DOCKER_SSH = `# On the engine's host: a user who may use Docker, reached with Fleetdeck's key
sudo useradd --create-home --groups docker fleetdeck
sudo install -d -m 700 -o fleetdeck ~fleetdeck/.ssh
echo 'ssh-ed25519 AAAA… fleetdeck' | sudo tee -a ~fleetdeck/.ssh/authorized_keys
# Address in Fleetdeck: ssh://fleetdeck@engine.example.com:22 (private key pasted in the form)`;

const KUBE_ACCOUNT = `# A service account that may read the whole cluster (use "edit" to allow changes)
kubectl create namespace fleetdeck
kubectl -n fleetdeck create serviceaccount fleetdeck
kubectl create clusterrolebinding fleetdeck-view --clusterrole=view --serviceaccount=fleetdeck:fleetdeck
# …or only one namespace:
kubectl -n team-a create rolebinding fleetdeck-edit --clusterrole=edit --serviceaccount=fleetdeck:fleetdeck

# A token valid for a day:
kubectl -n fleetdeck create token fleetdeck --duration=24h
# …or a long-lived one, kept in a Secret:
kubectl -n fleetdeck apply -f - <<'YAML'
apiVersion: v1
kind: Secret
metadata:
  name: fleetdeck-token
  annotations:
    kubernetes.io/service-account.name: fleetdeck
type: kubernetes.io/service-account-token
YAML
kubectl -n fleetdeck get secret fleetdeck-token -o jsonpath='{.data.token}' | base64 -d

# The API server's address and CA for the form:
kubectl config view --minify --raw -o jsonpath='{.clusters[0].cluster.server}'
kubectl config view --minify --raw -o jsonpath='{.clusters[0].cluster.certificate-authority-data}' | base64 -d`;

const KUBECONFIG = `# Or paste a kubeconfig with its certificates inline (exec plugins are refused):
kubectl config view --minify --flatten --context=my-cluster`;

function Way({
  icon,
  title,
  href,
  action,
  children,
}: {
  icon: ReactNode;
  title: string;
  href: string;
  action: string;
  children: ReactNode;
}) {
  return (
    <section className="flex min-w-0 flex-col gap-3 rounded-lg border border-line bg-panel p-4">
      <h3 className="flex items-center gap-2 font-semibold">
        {icon}
        {title}
      </h3>
      <div className="space-y-3 text-sm">{children}</div>
      <Link href={href} className="mt-auto self-start rounded-md bg-accent px-3 py-1.5 font-medium text-white">
        {action}
      </Link>
    </section>
  );
}

export function FirstSteps() {
  const icon = "size-5 text-accent";
  return (
    <div className="space-y-4" data-testid="first-steps">
      <div>
        <h2 className="text-lg font-semibold">No endpoints yet</h2>
        <p className="text-muted">Add a Docker engine or a Kubernetes cluster in one of three ways.</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Way
          icon={<HardDrive aria-hidden className={icon} />}
          title="This machine's Docker"
          href="/endpoints/new?mode=socket"
          action="Add a local engine"
        >
          <p>
            Fleetdeck talks to the engine through its socket, usually <code>/var/run/docker.sock</code>. The user
            running Fleetdeck must be able to open it (root, or a member of the <code>docker</code> group).
          </p>
        </Way>
        <Way
          icon={<Network aria-hidden className={icon} />}
          title="A remote Docker engine"
          href="/endpoints/new?mode=tls"
          action="Add a remote engine"
        >
          <p>Over TLS with client certificates, or over SSH as a user in the docker group.</p>
          <CommandBlock label="TLS">{DOCKER_TLS}</CommandBlock>
          <CommandBlock label="SSH">{DOCKER_SSH}</CommandBlock>
        </Way>
        <Way
          icon={<FileKey aria-hidden className={icon} />}
          title="A Kubernetes cluster"
          href="/endpoints/new?mode=token"
          action="Add a cluster"
        >
          <p>
            With a limited service account&apos;s token (the cluster&apos;s own RBAC applies on top of Fleetdeck&apos;s
            grants), or a kubeconfig.
          </p>
          <CommandBlock label="Service account and token">{KUBE_ACCOUNT}</CommandBlock>
          <CommandBlock label="kubeconfig">{KUBECONFIG}</CommandBlock>
        </Way>
      </div>
    </div>
  );
}
