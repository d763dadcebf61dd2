// Writes the hand-made seeds of the fuzz targets into CORPUS_ROOT/<target>/: well-formed inputs
// the fuzzer mutates from (a real upgrade request, real masked frames, real content, real
// ciphertexts and key bundles). Run once when a target is added; the corpora in the source tree
// then grow by fuzzing (scripts/fuzz).

#include "UnwrapFixture.h"
#include "backup/BackupChunk.h"
#include "backup/BackupFile.h"
#include "content/MessageContent.h"
#include "content/ProfilePicture.h"
#include "crypto/MessagePadding.h"
#include "e2ee/DeviceMessage.h"
#include "model/Keys.h"

#include <QtCore/QCborValue>
#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtGui/QImage>

#include <cstdio>

using namespace Parley;

namespace {

QString s_root;

void write(const char *target, const QByteArray &bytes)
{
    const QDir dir(s_root + QLatin1Char('/') + QLatin1String(target));
    dir.mkpath(QStringLiteral("."));
    // Named by content, as libFuzzer names what it adds.
    const QString name =
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
}

QByteArray prefixed(char first, const QByteArray &rest)
{
    return QByteArray(1, first) + rest;
}

// A frame as a client sends it: FIN and opcode, the mask bit and length, the key, the payload.
QByteArray clientFrame(quint8 firstByte, const QByteArray &payload)
{
    const QByteArray mask = QByteArrayLiteral("\x37\xfa\x21\x3d");
    QByteArray frame(1, char(firstByte));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xff));
    }
    frame.append(mask);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask.at(i % 4)));
    return frame;
}

void httpSeeds()
{
    const QByteArray upgrade =
            "GET /ws HTTP/1.1\r\nHost: chat.example\r\nUpgrade: websocket\r\n"
            "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n";
    write("http_upgrade", prefixed(0, upgrade));
    write("http_upgrade", prefixed(40, upgrade + clientFrame(0x82, "\xa1\x64type")));
    write("http_upgrade", prefixed(3, "GET /healthz HTTP/1.1\r\n\r\n"));
    write("http_upgrade", prefixed(7, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"));
    write("http_upgrade",
          prefixed(0, "POST / HTTP/1.0\r\nConnection: keep-alive, Upgrade\r\n\r\n"));
    write("http_upgrade",
          prefixed(9,
                   "GET / HTTP/1.1\r\nupgrade: WebSocket\r\nconnection: upgrade\r\n"
                   " folded\r\nsec-websocket-version: 8\r\n\r\n"));
}

void webSocketSeeds()
{
    write("websocket",
          prefixed(0, clientFrame(0x82, QByteArray("\xa2\x64type\x65hello\x62id\x01"))));
    write("websocket", prefixed(2, clientFrame(0x81, "text")));
    write("websocket", prefixed(0, clientFrame(0x89, "ping") + clientFrame(0x8a, "pong")));
    write("websocket",
          prefixed(5,
                   clientFrame(0x88,
                               QByteArray("\x03\xe8"
                                          "bye",
                                          5))));
    write("websocket",
          prefixed(1,
                   clientFrame(0x02, "frag") + clientFrame(0x89, "") + clientFrame(0x80, "ment")));
    write("websocket", prefixed(char(200), clientFrame(0x82, QByteArray(300, 'x'))));
    write("websocket", prefixed(0, QByteArray("\x82\x7f\x00\x00\x00\x00\x00\x10\x00\x00", 10)));
}

/// A small profile picture, as a sender makes one.
QByteArray profilePicture()
{
    QImage image(48, 48, QImage::Format_RGB32);
    image.fill(QColor(230, 20, 200));
    return ProfilePicture::fromImage(image);
}

void contentSeeds()
{
    const AttachmentRef ref{QByteArray(16, '\x11'), QByteArray(32, '\x22'), 1000, 1000 + 17 + 17};
    const QList<MessageContent> contents = {
            MessageContent::text(QStringLiteral("hello")),
            MessageContent::text(QStringLiteral("a reply ✓"), 42),
            MessageContent::file(ref, QStringLiteral("notes.txt"), QStringLiteral("text/plain"),
                                 QStringLiteral("caption")),
            MessageContent::reaction(3, QStringLiteral("👍")),
            MessageContent::reaction(3, QStringLiteral("👍"), true),
            MessageContent::edit(5, QStringLiteral("fixed")),
            MessageContent::deletion(6),
            MessageContent::profile(QStringLiteral("Alice Martin"), {}, 1'700'000'000'000),
            MessageContent::profile(QStringLiteral("Bob"), profilePicture(), 1'700'000'000'001),
    };
    for (const MessageContent &content : contents) {
        write("content", content.toBytes());
        write("content", MessagePadding::pad(content.toBytes()));
        write("sender_key", prefixed(2, content.toBytes()));
    }
    DeviceMessage device;
    device.senderKeys = {{7, QByteArray(40, '\x33')}};
    device.keyRequests = {7, 8};
    device.revokedDevices = {2};
    write("content", device.encode());
    write("attachment_ref", ref.toCbor().toCborValue().toCbor());
}

void cryptoSeeds()
{
    UnwrapFixture &fixture = UnwrapFixture::instance();
    TestDevice &alice = fixture.alice();
    TestDevice &bob = fixture.bob();
    const qint64 conversation = UnwrapFixture::Conversation;

    DeviceMessage device;
    device.keyRequests = {conversation};
    const auto signal = alice.pairwise().encrypt(bob.address, device.encode());
    if (signal)
        write("pairwise", prefixed(0, signal.value().encode()));
    // A stranger's first message: a PreKey message.
    QTemporaryDir dir;
    TestDevice stranger(dir.path(), DeviceAddress{3, 1});
    if (stranger.open() && stranger.createIdentity(2)) {
        if (stranger.pairwise().buildSession(bob.address, bob.handOutBundle())) {
            const auto first = stranger.pairwise().encrypt(bob.address, device.encode());
            if (first)
                write("pairwise", prefixed(1, first.value().encode()));
        }
        const auto distribution =
                stranger.senderKeys().distributionMessage(conversation, stranger.address);
        if (distribution)
            write("sender_key", prefixed(1, distribution.value()));
        // Its bundle as the server hands it out, with and without a one-time pre-key.
        KeyBundle keys;
        keys.userId = 3;
        keys.deviceId = 1;
        keys.registrationId = stranger.published.registrationId;
        keys.identityKey = stranger.published.identityKey;
        keys.signedPreKey = {stranger.published.signedPreKey.id,
                             stranger.published.signedPreKey.publicKey,
                             stranger.published.signedPreKey.signature};
        write("key_bundle", keys.toCbor().toCborValue().toCbor());
        const PreKeyPublic one = stranger.published.preKeys.first();
        keys.oneTimePreKey = OneTimePreKey{one.id, one.publicKey};
        write("key_bundle", keys.toCbor().toCborValue().toCbor());
    }
    const auto message = alice.senderKeys().encrypt(
            conversation, alice.address,
            MessagePadding::pad(MessageContent::text(QStringLiteral("hi")).toBytes()));
    if (message)
        write("sender_key", prefixed(0, QByteArray(1, 4) + message.value()));
}

void backupSeeds()
{
    BackupChunk chunk;
    chunk.ownerId = 1;
    chunk.ownerName = QStringLiteral("alice");
    chunk.writtenAt = 1'700'000'000'000;
    Conversation conversation;
    conversation.id = 7;
    conversation.members = {{1, QStringLiteral("alice")}, {2, QStringLiteral("bob")}};
    chunk.conversations = {conversation};
    StoredMessage text;
    text.conversationId = 7;
    text.seq = 3;
    text.clientId = QByteArray(16, '\x11');
    text.senderId = 2;
    text.senderDeviceId = 1;
    text.timestamp = 1'700'000'000'001;
    text.body = MessageContent::text(QStringLiteral("hi")).toBytes();
    text.text = QStringLiteral("hi");
    StoredMessage membership = text;
    membership.seq = 1;
    membership.kind = MessageKind::Membership;
    membership.body = QByteArray(8, '\x01');
    membership.text.clear();
    chunk.entries = {membership, text};
    chunk.lastSeqs = {{7, 3}};
    write("backup", prefixed(1, chunk.toBytes()));
    // A whole file whose chunk the fuzz target's key opens.
    const QByteArray fileKey(32, '\x42');
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("seed.parley-backup"));
    auto header = BackupFile::create(fileKey, fileKey, QString());
    if (header && header.value().writeNew(path)
        && header.value().append(path, fileKey, {chunk.toBytes()})) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            write("backup", prefixed(0, file.readAll()));
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_ROOT\n", argv[0]);
        return 2;
    }
    s_root = QString::fromLocal8Bit(argv[1]);
    cryptoSeeds(); // first: it creates the application object the SQLite plugin needs
    httpSeeds();
    webSocketSeeds();
    contentSeeds();
    backupSeeds();
    return 0;
}
