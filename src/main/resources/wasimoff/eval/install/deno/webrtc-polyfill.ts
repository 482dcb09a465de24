// webrtc-polyfill needs node-datachannel, whose native build is downloaded from GitHub at install
// (not reachable here). The provider uses WebRTC only for peer-to-peer transports; the harness
// connects it to the broker over WebSocket, so an empty polyfill leaves nothing it uses undefined.
export default {};
