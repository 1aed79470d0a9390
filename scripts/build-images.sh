#!/usr/bin/env bash
# Builds Wake's small local images from Debian's busybox-static; no registry needed.
#   wake/busybox:1  busybox applets on PATH=/bin (default command: sh)
#   wake/pause:1    same rootfs, default command sleeps forever (pod sandboxes)
#   wake/web:1      busybox httpd on port 80 answering the container's hostname
# Idempotent: an image that already exists with this script's rootfs revision is skipped (FORCE=1
# rebuilds); a change to the applet list or to images/web.sh rebuilds them (ENV WAKE_ROOTFS=<rev>).
set -euo pipefail
shopt -s inherit_errexit

here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
applets=(sh ash sleep httpd wget cat echo nc hostname ls ps kill mkdir rm cp mv env printf
  true false test id head tail grep sed awk date dd tr wc touch chmod ln sort uniq seq
  yes ip ifconfig netstat nslookup hexdump od df free top uptime find xargs basename dirname
  nohup timeout tee which stat readlink mount umount tar gzip gunzip vi less cut base64 du mktemp
  sha256sum md5sum ping telnet)

say() { echo "build-images: $*" >&2; }

# The rootfs revision: what goes into the images (applets, the web script, this script's version).
rootfs_rev() { { printf '%s\n' "${applets[@]}"; cat "$here/images/web.sh"; echo 2; } | sha256sum | cut -c1-12; }

have_image() {
  [ "${FORCE:-0}" != 1 ] || return 1
  docker image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$1" 2>/dev/null | grep -qx "WAKE_ROOTFS=$(rootfs_rev)"
}

busybox_bin() {
  if ! dpkg -s busybox-static >/dev/null 2>&1; then
    say "installing busybox-static (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y busybox-static >/dev/null 2>&1 ||
      { say "retrying after apt-get update"; apt-get update >/dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y busybox-static >/dev/null 2>&1; }
  fi
  ldd /bin/busybox >/dev/null 2>&1 && { echo "build-images: /bin/busybox is not static" >&2; exit 1; }
  echo /bin/busybox
}

make_rootfs() {
  local root="$work/rootfs" bin
  bin="$(busybox_bin)"
  rm -rf "$root"
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/www" "$root/proc" "$root/sys" "$root/dev" "$root/root"
  chmod 1777 "$root/tmp"
  cp "$bin" "$root/bin/busybox"
  for a in "${applets[@]}"; do ln -sf busybox "$root/bin/$a"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' >"$root/etc/group"
  cp "$here/images/web.sh" "$root/bin/web"
  chmod 755 "$root/bin/web"
  echo "$root"
}

import_image() { # tag, CMD json
  local root="$1" tag="$2" cmd="$3"
  say "importing $tag (CMD $cmd)"
  tar -C "$root" -c . | docker import -c 'ENV PATH=/bin' -c "ENV WAKE_ROOTFS=$(rootfs_rev)" -c "CMD $cmd" - "$tag" >/dev/null
}

main() {
  timeout 20 docker version --format "{{.Server.Version}}" >/dev/null 2>&1 || { echo "build-images: docker engine not reachable" >&2; exit 1; }
  local todo=()
  have_image wake/busybox:1 && say "wake/busybox:1 exists, skipping" || todo+=(busybox)
  have_image wake/pause:1 && say "wake/pause:1 exists, skipping" || todo+=(pause)
  have_image wake/web:1 && say "wake/web:1 exists, skipping" || todo+=(web)
  [ ${#todo[@]} -eq 0 ] && return 0
  local root
  root="$(make_rootfs)"
  for t in "${todo[@]}"; do
    case "$t" in
      busybox) import_image "$root" wake/busybox:1 '["sh"]' ;;
      pause) import_image "$root" wake/pause:1 '["sleep","2147483647"]' ;;
      web) import_image "$root" wake/web:1 '["/bin/web"]' ;;
    esac
  done
  say "done"
}

main "$@"
