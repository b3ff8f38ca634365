#!/bin/sh
# Builds a Node.js base image for the Dockerfile without pulling anything from a registry: this
# machine's `node` with the libraries `ldd` lists, the npm installed beside it, Debian's
# busybox-static as /bin/sh and the usual commands, the CA certificates, and a `node` user (1000),
# put into an image by `docker import`. For machines that cannot reach Docker Hub; use it as
#   docker build --build-arg BASE_IMAGE=<the tag printed> ...
# Usage: scripts/image/build-base-image.sh [TAG]   (the engine is docker's usual one, or DOCKER_HOST)
set -eu

node=$(readlink -f "$(command -v node)")
version=$("$node" --version)
tag=${1:-fleetdeck-base:node${version#v}}
# npm's own layout, as in Node's release archives: <prefix>/bin/npm -> ../lib/node_modules/npm/bin/npm-cli.js
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
busybox=$(command -v busybox || true)
[ -n "$busybox" ] && [ -f "$npm_dir/package.json" ] || {
  echo "build-base-image: needs node, npm and busybox (Debian: apt-get install busybox-static)" >&2
  exit 1
}

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
cd "$root"

# Debian's merged /usr layout, so every path ldd prints exists inside too.
mkdir -p usr/bin usr/sbin usr/lib usr/lib64 usr/local/bin usr/local/lib usr/local/etc etc/ssl/certs \
  root home/node tmp proc sys dev
ln -s usr/bin bin
ln -s usr/sbin sbin
ln -s usr/lib lib
ln -s usr/lib64 lib64
chmod 1777 tmp
chmod 700 root

cp "$busybox" usr/bin/busybox
for applet in $("$busybox" --list-full); do
  [ -e "$applet" ] || [ -L "$applet" ] || ln -s /usr/bin/busybox "$applet"
done

cp "$node" usr/local/bin/node
# The loader and libraries node links to, plus the small glibc libraries that native npm packages
# (Next's SWC, lightningcss, argon2) link to as well.
libs=$(ldd "$node" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }')
libdir=$(dirname "$(ldd "$node" | awk '$1 == "libc.so.6" { print $3 }')")
for extra in librt.so.1 libresolv.so.2; do
  [ -e "$libdir/$extra" ] && libs="$libs $libdir/$extra"
done
for lib in $libs; do
  mkdir -p ".$(dirname "$lib")"
  cp -L "$lib" ".$lib"
done

cp -a "$npm_dir" usr/local/lib/node_modules-npm.tmp
mkdir -p usr/local/lib/node_modules
mv usr/local/lib/node_modules-npm.tmp usr/local/lib/node_modules/npm
ln -s ../lib/node_modules/npm/bin/npm-cli.js usr/local/bin/npm
ln -s ../lib/node_modules/npm/bin/npx-cli.js usr/local/bin/npx

# npm trusts the machine's certificate authorities (a registry mirror's or a proxy's included);
# node itself keeps its own list, as in the official images.
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  cp /etc/ssl/certs/ca-certificates.crt etc/ssl/certs/
  echo "cafile=/etc/ssl/certs/ca-certificates.crt" >usr/local/etc/npmrc
fi

cat >etc/passwd <<'EOF'
root:x:0:0:root:/root:/bin/sh
node:x:1000:1000::/home/node:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
cat >etc/group <<'EOF'
root:x:0:
node:x:1000:
nogroup:x:65534:
EOF
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >etc/nsswitch.conf
chown 1000:1000 home/node

tar --numeric-owner -C "$root" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["node"]' \
  --message "node $version from $node, npm $("$node" "$npm_dir/bin/npm-cli.js" --version), busybox" \
  - "$tag" >/dev/null
echo "$tag"
