#!/usr/bin/env bash
# Builds the image's runtime file tree without a Docker engine or a registry (ADR 0022):
# a Java 25 runtime linked with jlink (the ahead-of-time cache needs JDK 24 or later, ADR 0045;
# the build itself may run on JDK 17), the C libraries it loads
# (copied from that build machine), a non-root user 185 and an empty /tmp. Jib packs the tree
# as the image's first layer, under the application.
set -euo pipefail

out="$1"
java_home="${IMAGE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if ! grep -q '^JAVA_VERSION="25' "$java_home/release" 2>/dev/null; then
    echo "runtime.sh: no JDK 25 at $java_home; name one with -Dimage.jdk=... (or leave the image out: -DskipImage)" >&2
    exit 1
fi
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/work"

# java.se for java.beans and JMX, which libraries of the application reach; no desktop libraries are
# shipped, so AWT fails if anything ever loads it. The JDK's own class-data archive is not needed: the
# application's ahead-of-time cache holds the JDK classes it uses too.
"$java_home/bin/jlink" --output "$out/opt/java" \
    --add-modules java.se,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.management,jdk.jfr,jdk.naming.dns,jdk.localedata \
    --include-locales en,nl,fr,de --strip-debug --no-man-pages --no-header-files --compress=zip-6

# Debian's JDK links its certificates and policies to /etc: the runtime gets the files themselves.
for f in "$out"/opt/java/lib/security/* "$out"/opt/java/conf/security/java.security; do
    if [ -L "$f" ]; then cp --remove-destination "$(readlink -f "$f")" "$f"; fi
done
cp --remove-destination -L "$java_home/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"

# The shared libraries the runtime's own binaries need, desktop ones left out.
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) \
        ! -name 'libawt_xawt.so' ! -name 'libsplashscreen.so' ! -name 'libjawt.so' ! -name 'libjsound.so' \
        ! -name 'libfontmanager.so' ! -name 'liblcms.so' ! -name 'libjavajpeg.so' ! -name 'libmlib_image.so' \
        ! -name 'libawt.so' ! -name 'libawt_headless.so' \
    | xargs ldd 2>/dev/null | awk '/=> \// { print $3 }' | grep -v "^$out/" | sort -u \
    | while read -r lib; do
        mkdir -p "$out$(dirname "$lib")"
        cp -L "$lib" "$out$lib"
    done
# glibc's dynamic loader, by the path the binaries name
loader=$(readelf -l "$out/opt/java/bin/java" | sed -n 's/.*interpreter: \(.*\)]/\1/p')
mkdir -p "$out$(dirname "$loader")"
cp -L "$loader" "$out$loader"

printf 'root:x:0:0:root:/root:/sbin/nologin\ntwe:x:185:185:TWE-OCMW API:/work:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\ntwe:x:185:\n' > "$out/etc/group"
