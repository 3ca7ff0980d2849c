#!/usr/bin/env bash
# Prints a bearer token for local use, signed with the development key (never accepted in
# production). Usage: src/dev/token.sh ORGANISATION [ROLE,ROLE...] [SUBJECT]
#   src/dev/token.sh ocmw-44021 coach,admin
#   src/dev/token.sh cluster-igo coach
#   src/dev/token.sh vdab admin,spoc,analyst
set -euo pipefail
org=${1:?usage: $0 ORGANISATION [ROLES] [SUBJECT]}
roles=${2:-coach}
subject=${3:-dev-user@$org}
key="$(dirname "$0")/dev-signing-key.pem"
now=$(date +%s)

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
roles_json=$(printf '%s' "$roles" | awk -F, '{for (i = 1; i <= NF; i++) printf "%s\"%s\"", (i > 1 ? "," : ""), $i}')

header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"https://dev.twe-ocmw.local","aud":"twe-api","typ":"Bearer","sub":"%s","twe_org":"%s","twe_roles":[%s],"iat":%d,"exp":%d}' \
  "$subject" "$org" "$roles_json" "$now" $((now + 8 * 3600)) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
