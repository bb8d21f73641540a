#!/bin/sh
# Fetches the WeCom JS-SDK pinned in tools/wecom-jssdk.lock from the npm registry, checks the tarball's sha512
# integrity and sha256 and the file's sha256, and copies it to src/main/webapp/resources/wecom/jssdk-<version>/.
# With --check it only verifies that the committed file is byte-for-byte the registry's (for CI).
set -eu
cd "$(dirname "$0")/.."
lock=tools/wecom-jssdk.lock
get() { sed -n "s/^$1=//p" "$lock"; }
version=$(get version); tarball=$(get tarball); file=$(get file)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
curl -fsSL -o "$work/pkg.tgz" "$tarball"
echo "$(get tarball.sha256)  $work/pkg.tgz" | sha256sum -c -
want=$(get integrity | sed 's/^sha512-//')
got=$(openssl dgst -sha512 -binary "$work/pkg.tgz" | openssl base64 -A)
[ "$want" = "$got" ] || { echo "npm integrity mismatch" >&2; exit 1; }
tar -xzf "$work/pkg.tgz" -C "$work"
echo "$(get file.sha256)  $work/package/$file" | sha256sum -c -
target=src/main/webapp/resources/wecom/jssdk-$version/$(basename "$file")
if [ "${1:-}" = "--check" ]; then
  cmp "$work/package/$file" "$target" && echo "committed $target is the registry's $version"
else
  mkdir -p "$(dirname "$target")" && cp "$work/package/$file" "$target" && echo "vendored $target"
fi
