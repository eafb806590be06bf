# Sourced by the README's two commands: installs what kubets needs on a fresh machine.
# Debian packages need root; without it we say what is missing and go on.

# npm packages, including Node 24 itself (the `node` package): reinstalled when the lock changed.
if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# ensure_debian_packages COMMAND PACKAGE [COMMAND PACKAGE...]: installs each PACKAGE whose COMMAND is missing.
ensure_debian_packages() {
  local missing=()
  while [ $# -ge 2 ]; do
    command -v "$1" >/dev/null 2>&1 || missing+=("$2")
    shift 2
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "==> not root: cannot install ${missing[*]}; tests that need them will fail" >&2
    return 0
  fi
  echo "==> installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
