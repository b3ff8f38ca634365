// A TCP load balancer for tests of several instances, as a Kubernetes Service or any L4 balancer
// in front of them behaves: each new connection goes to the first backend in `order` that accepts
// it (a refused or dead one is skipped), and a connection ends when its backend's side ends.
import net from "node:net";

export interface Balancer {
  url: string;
  port: number;
  /** Backend ports, in order of preference; change it to steer new connections. */
  order: number[];
  /** Open client connections per backend port. */
  openTo(port: number): number;
  close(): Promise<void>;
}

export async function startBalancer(order: number[]): Promise<Balancer> {
  const open = new Map<number, Set<net.Socket>>();
  const clients = new Set<net.Socket>();
  const connectFirst = (ports: number[]): Promise<{ upstream: net.Socket; port: number } | null> =>
    new Promise((resolve) => {
      const [port, ...rest] = ports;
      if (port === undefined) return resolve(null);
      const upstream = net.connect(port, "127.0.0.1");
      upstream.once("connect", () => {
        upstream.removeAllListeners("error");
        resolve({ upstream, port });
      });
      upstream.once("error", () => void connectFirst(rest).then(resolve));
    });
  const balancer: Balancer = {
    url: "",
    port: 0,
    order,
    openTo: (port) => open.get(port)?.size ?? 0,
    close: () =>
      new Promise((resolve) => {
        for (const client of clients) client.destroy();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((client) => {
    clients.add(client);
    client.pause();
    client.on("error", () => {});
    client.on("close", () => clients.delete(client));
    void connectFirst([...balancer.order]).then((picked) => {
      if (!picked || client.destroyed) {
        picked?.upstream.destroy();
        client.destroy();
        return;
      }
      const { upstream, port } = picked;
      const set = open.get(port) ?? new Set();
      open.set(port, set);
      set.add(client);
      upstream.on("error", () => client.destroy());
      upstream.on("close", () => {
        set.delete(client);
        client.destroy();
      });
      client.on("close", () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  balancer.port = (server.address() as net.AddressInfo).port;
  balancer.url = `http://127.0.0.1:${balancer.port}`;
  return balancer;
}

/**
 * `count` distinct free ports for the instances behind a balancer: all are held open until every
 * one is chosen, so two calls cannot return the same port.
 */
export async function distinctFreePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
