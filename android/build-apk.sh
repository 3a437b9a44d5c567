#!/usr/bin/env bash
# Builds the Android app without Gradle (Google's Maven repository is out of reach here): Maven compiles against
# Robolectric's android-all jar, D8 (from Maven Central) dexes, Debian's aapt packages, zipalign and apksigner
# finish. Usage:
#   android/build-apk.sh apk [--out FILE] [--release]     the APK (debug-signed unless --release)
#   android/build-apk.sh resources ANDROID_JAR             R.java + resource table (Maven's generate-sources)
# Release signing reads BLUEZONE_ANDROID_KEYSTORE, BLUEZONE_ANDROID_KEYSTORE_PASSWORD, BLUEZONE_ANDROID_KEY_ALIAS
# (and BLUEZONE_ANDROID_KEY_PASSWORD, default: the store password) from the environment; never commit that key.
set -euo pipefail
A="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$A")"
T="$A/target"
die() { echo "error: $*" >&2; exit 2; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is needed (Debian package $2: apt-get install $2)"; }

resources() { # resources ANDROID_JAR [extra -S dirs first]
  local jar="$1"; shift
  need aapt aapt
  mkdir -p "$T/generated-sources/aapt"
  local res=()
  for d in "$@" "$A/src/main/res"; do res+=(-S "$d"); done
  aapt package -f -m --auto-add-overlay -J "$T/generated-sources/aapt" -M "$A/src/main/AndroidManifest.xml" \
    "${res[@]}" -I "$jar" -F "$T/bluezone-resources.ap_"
}

apk() {
  local out="$ROOT/bluezone.apk" release=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --out) [ $# -ge 2 ] || die "--out needs a file name"; out="$2"; shift 2;;
      --release) release=1; shift;;
      -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0;;
      *) die "unknown option $1 (try --help)";;
    esac
  done
  need aapt aapt; need zipalign zipalign; need apksigner apksigner; need mvn maven
  local log="$T/apk-build.log"
  mkdir -p "$T"
  echo "Compiling (mvn package)..." >&2
  (cd "$ROOT" && mvn -B -q -pl android -am -DskipTests package >"$log" 2>&1) || { tail -n 30 "$log" >&2; die "build failed; log in $log"; }
  local sdk="$T/android-sdk" w="$T/apk"
  rm -rf "$w"; mkdir -p "$w/dex" "$w/java-res"
  local jars=("$T"/bluezone-android-*.jar "$T"/apk-libs/*.jar)
  [ -f "${jars[0]}" ] || die "no app jar in $T"
  echo "Dexing ${#jars[@]} jars (D8, min API 26)..." >&2
  java -cp "$sdk/r8.jar" com.android.tools.r8.D8 --release --min-api 26 --lib "$sdk/android-all.jar" \
    --output "$w/dex" "${jars[@]}" >"$w/d8.log" 2>&1 || { cat "$w/d8.log" >&2; die "D8 failed"; }
  # Java resources of the jars (calibration table, message catalogues, service files) go to the APK root,
  # where Android's class loader finds them.
  for j in "${jars[@]}"; do
    (cd "$w/java-res" && unzip -qo "$j" -x '*.class' 'META-INF/MANIFEST.MF' 'META-INF/*.SF' 'META-INF/*.RSA' \
      'META-INF/*.DSA' 'META-INF/versions/*' 'META-INF/maven/*' 'META-INF/LICENSE*' 'META-INF/NOTICE*' \
      'META-INF/*.kotlin_module' 'module-info.class' '*.proto' 2>/dev/null || true)
  done
  find "$w/java-res" -type d -empty -delete
  echo "Packaging..." >&2
  local overlay=()
  [ $release = 1 ] || overlay=(-S "$A/src/debug/res")
  aapt package -f --auto-add-overlay -M "$A/src/main/AndroidManifest.xml" "${overlay[@]}" -S "$A/src/main/res" \
    -I "$sdk/android-all.jar" -F "$w/unsigned.apk"
  (cd "$w/dex" && aapt add -f "$w/unsigned.apk" classes*.dex >/dev/null)
  if [ -d "$w/java-res" ] && [ -n "$(ls -A "$w/java-res")" ]; then
    (cd "$w/java-res" && find . -type f | sed 's#^\./##' | sort | xargs aapt add -f "$w/unsigned.apk" >/dev/null)
  fi
  zipalign -f -p 4 "$w/unsigned.apk" "$w/aligned.apk"
  if [ $release = 1 ]; then
    [ -n "${BLUEZONE_ANDROID_KEYSTORE:-}" ] || die "--release needs BLUEZONE_ANDROID_KEYSTORE (and _PASSWORD, _KEY_ALIAS)"
    [ -n "${BLUEZONE_ANDROID_KEYSTORE_PASSWORD:-}" ] || die "BLUEZONE_ANDROID_KEYSTORE_PASSWORD is not set"
    [ -n "${BLUEZONE_ANDROID_KEY_ALIAS:-}" ] || die "BLUEZONE_ANDROID_KEY_ALIAS is not set"
    BZ_KP="${BLUEZONE_ANDROID_KEY_PASSWORD:-$BLUEZONE_ANDROID_KEYSTORE_PASSWORD}" \
    apksigner sign --ks "$BLUEZONE_ANDROID_KEYSTORE" --ks-pass env:BLUEZONE_ANDROID_KEYSTORE_PASSWORD \
      --ks-key-alias "$BLUEZONE_ANDROID_KEY_ALIAS" --key-pass env:BZ_KP --out "$out" "$w/aligned.apk"
  else
    # Committed on purpose: a debug key signs test builds only (Android's well-known debug store password).
    apksigner sign --ks "$A/debug.keystore" --ks-pass pass:android --ks-key-alias androiddebugkey \
      --key-pass pass:android --out "$out" "$w/aligned.apk"
  fi
  rm -f "$out.idsig"
  apksigner verify "$out" >/dev/null || die "apksigner could not verify $out"
  # The sidecar the server's install page reads (bluezone.android.apk): the version as aapt reads it from the
  # APK's own manifest, so the page never shows a version the file does not carry.
  aapt dump badging "$out" | sed -n "s/^package: name='\([^']*\)' versionCode='\([^']*\)' versionName='\([^']*\)'.*/package=\1\nversionCode=\2\nversionName=\3/p" \
    > "$out.properties"
  grep -q '^versionName=' "$out.properties" || die "could not read the version of $out"
  echo "$out ($(( $(stat -c %s "$out") / 1024 )) KiB, $( [ $release = 1 ] && echo release || echo debug )-signed)"
}

aar_classes() { # aar-classes DIR: DIR/x.aar -> DIR/x.jar (its classes.jar), with the JDK's jar tool
  local d="$1" a n
  for a in "$d"/*.aar; do
    n="$(basename "$a" .aar)"
    rm -rf "$d/$n.x" && mkdir -p "$d/$n.x"
    (cd "$d/$n.x" && jar xf "$a" classes.jar) && mv "$d/$n.x/classes.jar" "$d/$n.jar" && rm -rf "$d/$n.x"
  done
}

case "${1:-}" in
  aar-classes) shift; aar_classes "$1";;
  resources) shift; [ $# -ge 1 ] || die "resources needs the android-all jar"; resources "$@";;
  apk) shift; apk "$@";;
  *) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; [ -z "${1:-}" ] || exit 2;;
esac
