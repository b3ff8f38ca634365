// A CA with server and client certificates for the TLS Docker engine (and a second, unrelated CA
// for the wrong-CA case), made with openssl.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function openssl(args: string[], cwd: string) {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

export function makeCa(dir: string, name: string) {
  openssl(
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "30",
      "-subj",
      `/CN=${name}`,
      "-keyout",
      `${name}-key.pem`,
      "-out",
      `${name}.pem`,
    ],
    dir,
  );
}

export function signed(dir: string, ca: string, name: string, ext: string) {
  openssl(
    [
      "req",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-subj",
      `/CN=${name}`,
      "-keyout",
      `${name}-key.pem`,
      "-out",
      `${name}.csr`,
    ],
    dir,
  );
  writeFileSync(path.join(dir, `${name}.ext`), ext);
  openssl(
    [
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      `${ca}.pem`,
      "-CAkey",
      `${ca}-key.pem`,
      "-CAcreateserial",
      "-days",
      "30",
      "-extfile",
      `${name}.ext`,
      "-out",
      `${name}.pem`,
    ],
    dir,
  );
}

export interface TlsFiles {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  wrongCa: string;
}

export function makeTlsFiles(dir: string): TlsFiles {
  mkdirSync(dir, { recursive: true });
  makeCa(dir, "ca");
  makeCa(dir, "wrong-ca");
  signed(dir, "ca", "server", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
  signed(dir, "ca", "client", "extendedKeyUsage=clientAuth\n");
  const file = (name: string) => path.join(dir, name);
  return {
    ca: file("ca.pem"),
    serverCert: file("server.pem"),
    serverKey: file("server-key.pem"),
    clientCert: file("client.pem"),
    clientKey: file("client-key.pem"),
    wrongCa: file("wrong-ca.pem"),
  };
}

export const readPem = (file: string) => readFileSync(file, "utf8");
