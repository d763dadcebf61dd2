#pragma once

/// The conversations and members of the cache: what the server said about them, the receipt
/// pointers, mute, and the summaries the conversation list shows. Runs on the cache's thread,
/// inside whatever transaction the caller holds.

#include "StoreTypes.h"
#include "model/Signals.h"

#include <optional>

class QSqlDatabase;
class QSqlQuery;

namespace Parley {

class ConversationTable
{
public:
    explicit ConversationTable(QSqlDatabase &db) : m_db(db) { }

    /// Stores conversations as the server sent them (all active members replace the old set),
    /// in one transaction.
    void upsert(const QList<Conversation> &conversations, qint64 selfUserId);
    QList<ConversationSummary> summaries(qint64 selfUserId);
    std::optional<ConversationSummary> summary(qint64 conversationId, qint64 selfUserId);
    /// Raises a member's delivered/read pointer; true if anything moved.
    bool applyReceipt(const Receipt &receipt);
    /// Applies a membership log entry to the member table.
    void applyMembership(qint64 conversationId, const MembershipEvent &event, qint64 selfUserId);
    void setMuted(qint64 conversationId, bool muted);

private:
    struct SummaryQueries;
    std::optional<ConversationSummary> summary(SummaryQueries &queries, qint64 conversationId,
                                               qint64 selfUserId);
    static QList<Member> readMembers(QSqlQuery &q);
    QList<Member> members(qint64 conversationId);
    QString memberName(qint64 conversationId, qint64 userId);
    QString previewOf(qint64 conversationId, MessageKind kind, const QByteArray &body,
                      const QString &text);

    QSqlDatabase &m_db;
};

} // namespace Parley
