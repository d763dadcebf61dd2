// The Socket.IO peer of Parley's bench: Socket.IO 4 with rooms in memory, no storage.
// Each client authenticates with {user, rooms}; it joins its own room ("u<user>") and its
// groups; "send" {to, body} goes to every other socket in room `to` and is acknowledged.
// Usage: node server.js [port] [host]; prints "socketio listening on ws://HOST:PORT".
"use strict";

const http = require("http");
const { Server } = require("socket.io");

const port = Number(process.argv[2] || 0);
const host = process.argv[3] || "127.0.0.1";

const httpServer = http.createServer();
const io = new Server(httpServer, {
  transports: ["websocket"],
  serveClient: false,
  perMessageDeflate: false,
  maxHttpBufferSize: 64 * 1024,
});

io.on("connection", (socket) => {
  const auth = socket.handshake.auth || {};
  socket.join(String(auth.user));
  for (const room of auth.rooms || []) socket.join(String(room));
  socket.on("send", (message, ack) => {
    socket.to(String(message.to)).emit("msg", message.body);
    if (typeof ack === "function") ack(1);
  });
});

httpServer.listen({ port, host, backlog: 4096 }, () => {
  const address = httpServer.address();
  console.log(`socketio listening on ws://${address.address}:${address.port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
