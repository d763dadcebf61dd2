#include "BackupChunk.h"

#include "protocol/FrameValidator.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxChunkBytes = 64 * 1024 * 1024;

QCborMap entryToCbor(const StoredMessage &m)
{
    QCborMap e;
    e.insert("conv"_L1, m.conversationId);
    e.insert("seq"_L1, m.seq);
    if (!m.clientId.isEmpty())
        e.insert("client"_L1, m.clientId);
    e.insert("sender"_L1, m.senderId);
    e.insert("device"_L1, m.senderDeviceId);
    e.insert("time"_L1, m.timestamp);
    e.insert("kind"_L1, int(m.kind));
    e.insert("body"_L1, m.body);
    if (!m.text.isEmpty())
        e.insert("text"_L1, m.text);
    if (m.undecryptable)
        e.insert("undecryptable"_L1, true);
    return e;
}

std::optional<StoredMessage> entryFromCbor(const QCborMap &e)
{
    StoredMessage m;
    m.conversationId = e.value("conv"_L1).toInteger();
    m.seq = e.value("seq"_L1).toInteger();
    m.clientId = e.value("client"_L1).toByteArray();
    m.senderId = e.value("sender"_L1).toInteger();
    m.senderDeviceId = e.value("device"_L1).toInteger();
    m.timestamp = e.value("time"_L1).toInteger();
    const qint64 kind = e.value("kind"_L1).toInteger(-1);
    m.body = e.value("body"_L1).toByteArray();
    m.text = e.value("text"_L1).toString();
    m.undecryptable = e.value("undecryptable"_L1).toBool();
    if (m.conversationId <= 0 || m.seq <= 0
        || (kind != int(MessageKind::Content) && kind != int(MessageKind::Membership)))
        return std::nullopt;
    m.kind = MessageKind(kind);
    return m;
}

} // namespace

QByteArray BackupChunk::toBytes() const
{
    QCborMap map;
    map.insert("owner"_L1, QCborMap{{"userId"_L1, ownerId}, {"username"_L1, ownerName}});
    map.insert("at"_L1, writtenAt);
    QCborArray convs;
    for (const Conversation &c : conversations)
        convs.append(c.toCbor());
    map.insert("conversations"_L1, convs);
    QCborArray list;
    for (const StoredMessage &m : entries)
        list.append(entryToCbor(m));
    map.insert("entries"_L1, list);
    QCborArray seqs;
    for (auto it = lastSeqs.cbegin(); it != lastSeqs.cend(); ++it)
        seqs.append(QCborArray{it.key(), it.value()});
    map.insert("lastSeqs"_L1, seqs);
    return map.toCborValue().toCbor();
}

std::optional<BackupChunk> BackupChunk::fromBytes(const QByteArray &bytes)
{
    // Entries are bounded by MaxEntries, conversations and lastSeqs by what one user can be in.
    const FrameLimits limits{MaxChunkBytes, 96 * 1024, 96 * 1024, 100000, 64, 8};
    auto decoded = FrameValidator(limits).read(bytes);
    if (!decoded)
        return std::nullopt;
    const QCborMap &map = decoded.value();
    BackupChunk chunk;
    const QCborMap owner = map.value("owner"_L1).toMap();
    chunk.ownerId = owner.value("userId"_L1).toInteger();
    chunk.ownerName = owner.value("username"_L1).toString();
    chunk.writtenAt = map.value("at"_L1).toInteger();
    if (chunk.ownerId <= 0)
        return std::nullopt;
    for (const QCborValue &v : map.value("conversations"_L1).toArray()) {
        auto c = Conversation::fromCbor(v.toMap());
        if (!c)
            return std::nullopt;
        chunk.conversations.append(c.value());
    }
    const QCborArray entries = map.value("entries"_L1).toArray();
    if (entries.size() > MaxEntries)
        return std::nullopt;
    for (const QCborValue &v : entries) {
        auto m = entryFromCbor(v.toMap());
        if (!m)
            return std::nullopt;
        chunk.entries.append(*m);
    }
    for (const QCborValue &v : map.value("lastSeqs"_L1).toArray()) {
        const QCborArray pair = v.toArray();
        if (pair.size() != 2 || !pair.at(0).isInteger() || !pair.at(1).isInteger())
            return std::nullopt;
        chunk.lastSeqs.insert(pair.at(0).toInteger(), pair.at(1).toInteger());
    }
    return chunk;
}

} // namespace Parley
