#pragma once

/// Gives content entries their meaning in the cache, on the store thread: a reply records the
/// entry it quotes; a reaction, edit or delete becomes a hidden row that changes its target.
///
/// Rules (docs/client-api.md, "Message content"): an annotation applies only to a readable,
/// shown content entry of the same conversation; an edit or delete only when its sender is the
/// target's sender (others are ignored, logged at debug); the newest edit by seq wins; a delete
/// erases the target's text, its edits' text and its reactions, and nothing applies after it.
/// An annotation whose target is not in the cache (or not readable yet) waits as its hidden
/// row and is applied when the target is stored or decrypted, whatever the order of arrival.
/// A profile becomes a hidden row too and is kept (ProfileTable) as its sender's, only its
/// sender's, if it is newer than the one kept.
/// Runs inside the caller's transaction on the cache's connection.

#include <QtCore/QList>
#include <QtCore/QPair>

class QSqlDatabase;

namespace Parley {

class MessageContent;

class Annotations
{
public:
    explicit Annotations(QSqlDatabase &db) : m_db(db) { }

    /// Entry (conversationId, seq) was just stored, or its content arrived later: records what
    /// it is and applies it, and every annotation that waited for it.
    void entryStored(qint64 conversationId, qint64 seq);

    /// Rows other than the ones passed to entryStored() whose shown state changed: (conv, seq).
    const QList<QPair<qint64, qint64>> &changed() const { return m_changed; }
    /// Users whose kept profile the entries changed.
    const QList<qint64> &profiles() const { return m_profiles; }

private:
    struct Entry
    {
        qint64 sender = 0;
        bool content = false;
        bool readable = false;
        bool hidden = false;
        bool deleted = false;
        qint64 editedSeq = 0;
        QByteArray body;
    };

    bool load(qint64 conversationId, qint64 seq, Entry &entry);
    /// Applies annotation `seq` from `sender`; true if its target's shown state changed.
    bool apply(qint64 conversationId, qint64 seq, qint64 sender, const MessageContent &content);
    /// Applies what waited for `target`; true if anything changed it.
    bool applyWaiting(qint64 conversationId, qint64 target);
    void erase(qint64 conversationId, qint64 target);
    void markChanged(qint64 conversationId, qint64 seq);

    QSqlDatabase &m_db;
    QList<QPair<qint64, qint64>> m_changed;
    QList<qint64> m_profiles;
};

} // namespace Parley
