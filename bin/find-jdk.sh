# Sourced by ./mvnw and ./cairn: sets JAVA_HOME to a JDK 25 or newer, or explains what to install.
# POSIX sh; the machine's default java may be older (17), so it is never trusted blindly.

cairn_java_feature() {
  # Prints the feature release (17, 25, ...) of the JDK at $1, or nothing when it is not a JDK.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -r "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

cairn_find_jdk() {
  cairn_min=25
  if [ -n "${JAVA_HOME-}" ]; then
    cairn_v=$(cairn_java_feature "$JAVA_HOME")
    if [ -n "$cairn_v" ] && [ "$cairn_v" -ge "$cairn_min" ]; then
      return 0
    fi
  fi
  set +f
  for cairn_candidate in \
    /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 \
    /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/java-2[5-9]* /usr/lib/jvm/jdk-2[5-9]* \
    /opt/java/openjdk /Library/Java/JavaVirtualMachines/*/Contents/Home \
    "${HOME:-/nonexistent}"/.sdkman/candidates/java/current; do
    cairn_v=$(cairn_java_feature "$cairn_candidate")
    if [ -n "$cairn_v" ] && [ "$cairn_v" -ge "$cairn_min" ]; then
      JAVA_HOME=$cairn_candidate
      export JAVA_HOME
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    cairn_candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    cairn_v=$(cairn_java_feature "$cairn_candidate")
    if [ -n "$cairn_v" ] && [ "$cairn_v" -ge "$cairn_min" ]; then
      JAVA_HOME=$cairn_candidate
      export JAVA_HOME
      return 0
    fi
  fi
  {
    echo "Cairn needs a JDK $cairn_min or newer, and none was found."
    echo "  JAVA_HOME=${JAVA_HOME-<unset>} is not a JDK $cairn_min+, and no JDK $cairn_min+ is in /usr/lib/jvm."
    echo "  Install one, for example Temurin 25 (https://adoptium.net; on Debian/Ubuntu:"
    echo "  'apt-get install temurin-25-jdk' from the Adoptium repository), then set JAVA_HOME to it."
  } >&2
  return 1
}
