#include "PendingDecryptions.h"

#include "Logging.h"
#include "SenderKeyContentCipher.h"
#include "content/MessageContent.h"
#include "crypto/MessagePadding.h"
#include "crypto/SenderKeyCipher.h"

#include <QtCore/QCryptographicHash>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QByteArray plaintextBinding(qint64 conversationId, qint64 seq)
{
    return RecordSealer::binding("e2ee_received",
                                 {QString::number(conversationId), QString::number(seq)});
}

QSqlQuery query(VaultTransaction &tx)
{
    return QSqlQuery(QSqlDatabase::database(tx.connectionName, false));
}

struct Updates
{
    QHash<qint64, QList<StoredMessage>> byConversation;
    QList<QPair<qint64, DeviceAddress>> waiting;
};

StoredMessage updated(qint64 conversationId, qint64 seq, const QByteArray &body,
                      const QString &text, bool undecryptable)
{
    StoredMessage m;
    m.conversationId = conversationId;
    m.seq = seq;
    m.kind = MessageKind::Content;
    m.body = body;
    m.text = text;
    m.undecryptable = undecryptable;
    return m;
}

/// Puts decrypted content into the cache's row; false when nothing changed (no row yet, or one
/// that is readable already).
bool applyContent(VaultTransaction &tx, qint64 conversationId, qint64 seq,
                  const QByteArray &plaintext, StoredMessage *out)
{
    auto content = MessageContent::fromBytes(plaintext);
    if (!content)
        return false;
    QSqlQuery q = query(tx);
    // Only a row still unreadable: one a backup or an import filled holds this content already,
    // with its edits applied, and must not show the original text again meanwhile.
    q.prepare(u"UPDATE messages SET body = ?, text = ?, state = 0 WHERE conv = ? AND seq = ?"
              " AND state != 0"_s);
    q.addBindValue(plaintext);
    q.addBindValue(content->previewText());
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    if (!q.exec())
        return false;
    const bool changed = q.numRowsAffected() > 0;
    if (!changed) {
        q.prepare(u"SELECT 1 FROM messages WHERE conv = ? AND seq = ? AND state = 0"_s);
        q.addBindValue(conversationId);
        q.addBindValue(seq);
        if (!q.exec() || !q.next())
            return false; // no row yet: the journal keeps the plaintext for onStored()
    }
    q.prepare(u"UPDATE e2ee_received SET plaintext = NULL WHERE conv = ? AND seq = ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    q.exec();
    q.prepare(u"DELETE FROM e2ee_pending WHERE conv = ? AND seq = ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    q.exec();
    if (!changed)
        return false;
    *out = updated(conversationId, seq, plaintext, content->previewText(), false);
    return true;
}

/// Writes why an entry cannot be read into the cache's (undecryptable) row.
bool applyExplanation(VaultTransaction &tx, qint64 conversationId, qint64 seq,
                      PendingDecryptions::Outcome outcome, StoredMessage *out)
{
    const QString text = PendingDecryptions::explanation(outcome);
    if (text.isEmpty())
        return false;
    QSqlQuery q = query(tx);
    q.prepare(u"UPDATE messages SET text = ? WHERE conv = ? AND seq = ? AND state != 0"
              " AND text IS NOT ?"_s);
    q.addBindValue(text);
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    q.addBindValue(text);
    if (!q.exec() || q.numRowsAffected() == 0)
        return false;
    *out = updated(conversationId, seq, {}, text, true);
    return true;
}

/// Tries the waiting entries `q` selected (seq, conv, sender, device, body), in seq order.
void retrySelected(VaultTransaction &tx, QSqlQuery &select, Updates &updates)
{
    struct Row
    {
        qint64 seq, conversationId;
        DeviceAddress sender;
        QByteArray body;
    };
    QList<Row> rows;
    while (select.next())
        rows.append(
                {select.value(0).toLongLong(), select.value(1).toLongLong(),
                 DeviceAddress{select.value(2).toLongLong(), qint32(select.value(3).toLongLong())},
                 select.value(4).toByteArray()});
    qCDebug(lcClientE2ee) << "trying" << rows.size() << "waiting entries";
    for (const Row &row : std::as_const(rows)) {
        const auto attempt = PendingDecryptions::decryptEntry(tx, row.conversationId, row.seq,
                                                              row.sender, row.body);
        StoredMessage m;
        switch (attempt.outcome) {
        case PendingDecryptions::Outcome::Decrypted:
            // If the cache has no row yet, the journal keeps the plaintext for onStored().
            if (applyContent(tx, row.conversationId, row.seq, attempt.plaintext, &m))
                updates.byConversation[row.conversationId].append(m);
            break;
        case PendingDecryptions::Outcome::Waiting:
            if (!updates.waiting.contains(qMakePair(row.conversationId, row.sender)))
                updates.waiting.append({row.conversationId, row.sender});
            break;
        default:
            PendingDecryptions::keep(tx, row.conversationId, row.seq, row.sender, row.body,
                                     attempt.outcome);
            if (applyExplanation(tx, row.conversationId, row.seq, attempt.outcome, &m))
                updates.byConversation[row.conversationId].append(m);
            break;
        }
    }
}

} // namespace

PendingDecryptions::PendingDecryptions(KeyVault *vault, QObject *parent)
    : QObject(parent),
      m_vault(vault)
{
}

PendingDecryptions::Attempt PendingDecryptions::decryptEntry(VaultTransaction &tx,
                                                             qint64 conversationId, qint64 seq,
                                                             const DeviceAddress &sender,
                                                             const QByteArray &body)
{
    QSqlQuery q = query(tx);
    q.prepare(u"SELECT plaintext FROM e2ee_received WHERE conv = ? AND seq = ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    if (q.exec() && q.next()) {
        // Decrypted before: the same content again, from the journal or the cache.
        if (!q.value(0).isNull()) {
            const auto plaintext =
                    tx.sealer.open(plaintextBinding(conversationId, seq), q.value(0).toByteArray());
            if (plaintext)
                return {Outcome::Decrypted, plaintext.value()};
        }
        q.prepare(u"SELECT body FROM messages WHERE conv = ? AND seq = ? AND state = 0"_s);
        q.addBindValue(conversationId);
        q.addBindValue(seq);
        if (q.exec() && q.next())
            return {Outcome::Decrypted, q.value(0).toByteArray()};
        return {Outcome::AlreadyStored, {}};
    }

    const std::optional<QByteArray> ciphertext = SenderKeyContentCipher::ciphertextOf(body);
    if (!ciphertext)
        return {Outcome::Invalid, {}};
    const QByteArray digest = QCryptographicHash::hash(*ciphertext, QCryptographicHash::Sha256);
    const CryptoResult<QByteArray> padded =
            SenderKeyCipher(tx.keys).decrypt(conversationId, sender, *ciphertext);
    if (padded) {
        const std::optional<QByteArray> plain = MessagePadding::unpad(padded.value());
        if (!plain) {
            qCWarning(lcClientE2ee)
                    << "entry" << seq << "of" << conversationId << "is badly padded";
            return {Outcome::Invalid, {}};
        }
        q.prepare(u"INSERT OR REPLACE INTO e2ee_received (conv, seq, digest, plaintext)"
                  " VALUES (?, ?, ?, ?)"_s);
        q.addBindValue(conversationId);
        q.addBindValue(seq);
        q.addBindValue(digest);
        q.addBindValue(tx.sealer.seal(plaintextBinding(conversationId, seq), *plain));
        if (!q.exec()) {
            tx.rollback = true; // the ratchet must not move past what is not kept
            return {Outcome::Waiting, {}};
        }
        return {Outcome::Decrypted, *plain};
    }
    switch (padded.error()) {
    case CryptoError::NoSenderKey:
        return {Outcome::Waiting, {}};
    case CryptoError::DuplicateMessage:
        q.prepare(u"SELECT 1 FROM e2ee_received WHERE digest = ?"_s);
        q.addBindValue(digest);
        if (q.exec() && q.next()) {
            qCWarning(lcClientE2ee)
                    << "entry" << seq << "of" << conversationId << "repeats an earlier ciphertext";
            return {Outcome::Replay, {}};
        }
        return {Outcome::BeforeKey, {}};
    default:
        return {Outcome::Invalid, {}};
    }
}

void PendingDecryptions::keep(VaultTransaction &tx, qint64 conversationId, qint64 seq,
                              const DeviceAddress &sender, const QByteArray &body, Outcome outcome)
{
    if (outcome == Outcome::Decrypted || outcome == Outcome::AlreadyStored)
        return;
    QSqlQuery q = query(tx);
    q.prepare(u"INSERT OR REPLACE INTO e2ee_pending (conv, seq, sender, device, body, reason)"
              " VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    q.addBindValue(sender.userId);
    q.addBindValue(qint64(sender.deviceId));
    q.addBindValue(body);
    q.addBindValue(int(outcome));
    q.exec();
}

QString PendingDecryptions::explanation(Outcome outcome)
{
    switch (outcome) {
    case Outcome::BeforeKey:
        return tr("Sent before this device could read this person's messages. Restoring a "
                  "backup, or importing an export from another of your devices, brings it here.");
    case Outcome::Replay:
        return tr("A repeated copy of an earlier message: the original is shown where it was "
                  "first sent.");
    case Outcome::Invalid:
        return tr("This message is damaged and cannot be decrypted. Ask the sender to send it "
                  "again.");
    default:
        return {};
    }
}

void PendingDecryptions::onStored(qint64 conversationId, const QList<StoredMessage> &messages)
{
    QList<qint64> undecryptable, readable;
    for (const StoredMessage &m : messages) {
        if (m.kind != MessageKind::Content || m.seq <= 0)
            continue;
        (m.undecryptable ? undecryptable : readable).append(m.seq);
    }
    if (undecryptable.isEmpty() && readable.isEmpty())
        return;
    m_vault->run<Updates>([conversationId, undecryptable, readable](VaultTransaction &tx) {
               Updates updates;
               QSqlQuery q = query(tx);
               // The cache holds these now: the journal keeps only their digest.
               q.prepare(u"UPDATE e2ee_received SET plaintext = NULL WHERE conv = ? AND seq = ?"
                         " AND plaintext IS NOT NULL"_s);
               for (qint64 seq : readable) {
                   q.addBindValue(conversationId);
                   q.addBindValue(seq);
                   q.exec();
               }
               for (qint64 seq : undecryptable) {
                   q.prepare(u"SELECT reason FROM e2ee_pending WHERE conv = ? AND seq = ?"_s);
                   q.addBindValue(conversationId);
                   q.addBindValue(seq);
                   if (!q.exec() || !q.next())
                       continue;
                   const auto reason = Outcome(q.value(0).toInt());
                   StoredMessage m;
                   if (reason != Outcome::Waiting) {
                       if (applyExplanation(tx, conversationId, seq, reason, &m))
                           updates.byConversation[conversationId].append(m);
                       continue;
                   }
                   QSqlQuery select = query(tx);
                   select.prepare(u"SELECT seq, conv, sender, device, body FROM e2ee_pending"
                                  " WHERE conv = ? AND seq = ?"_s);
                   select.addBindValue(conversationId);
                   select.addBindValue(seq);
                   if (select.exec())
                       retrySelected(tx, select, updates);
               }
               return updates;
           })
            .then(this, [this](const std::optional<Updates> &updates) {
                if (!updates)
                    return;
                for (auto it = updates->byConversation.cbegin();
                     it != updates->byConversation.cend(); ++it)
                    Q_EMIT messagesUpdated(it.key(), it.value());
                for (const auto &[waitingIn, sender] : updates->waiting)
                    Q_EMIT keyMissing(waitingIn, sender);
            });
}

void PendingDecryptions::retry(const QList<ReceivedSenderKey> &keys)
{
    QList<ReceivedSenderKey> distinct;
    for (const ReceivedSenderKey &key : keys) {
        if (!distinct.contains(key))
            distinct.append(key);
    }
    for (const ReceivedSenderKey &key : std::as_const(distinct)) {
        qCDebug(lcClientE2ee).noquote() << "retrying what waited for" << key.sender.toString()
                                        << "in" << key.conversationId;
        retryWhere(u"conv = ? AND sender = ? AND device = ?"_s,
                   {key.conversationId, key.sender.userId, qint64(key.sender.deviceId)});
    }
}

void PendingDecryptions::retryAll()
{
    retryWhere(u"1 = 1"_s, {});
}

void PendingDecryptions::retryWhere(const QString &condition, const QVariantList &values)
{
    m_vault->run<Updates>([condition, values](VaultTransaction &tx) {
               Updates updates;
               QSqlQuery select = query(tx);
               select.prepare(
                       u"SELECT seq, conv, sender, device, body FROM e2ee_pending WHERE "_s
                       + condition
                       + u" AND reason = %1 ORDER BY conv, seq"_s.arg(int(Outcome::Waiting)));
               for (const QVariant &value : values)
                   select.addBindValue(value);
               if (select.exec())
                   retrySelected(tx, select, updates);
               return updates;
           })
            .then(this, [this](const std::optional<Updates> &updates) {
                if (!updates)
                    return;
                for (auto it = updates->byConversation.cbegin();
                     it != updates->byConversation.cend(); ++it) {
                    qCInfo(lcClientE2ee) << it.value().size() << "waiting entries of conversation"
                                         << it.key() << "settled";
                    Q_EMIT messagesUpdated(it.key(), it.value());
                }
                // Still missing (after a restart, or a key that came but not the one needed):
                // ask again, or the row waits until the sender writes once more.
                for (const auto &[waitingIn, sender] : updates->waiting)
                    Q_EMIT keyMissing(waitingIn, sender);
            });
}

} // namespace Parley
