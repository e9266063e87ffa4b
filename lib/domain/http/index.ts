export { safeCallbackPath } from "./callback-url";
export { CLIENT_ADDRESS_HEADER, clientAddressOf, parseTrustedProxyHops } from "./client-address";
export { isJsonContentType, isSameOriginRequest } from "./origin";
