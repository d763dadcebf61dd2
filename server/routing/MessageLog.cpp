#include "MessageLog.h"

#include "Logging.h"
#include "admin/Metrics.h"
#include "cluster/ClusterRelay.h"
#include "presence/PresenceTracker.h"
#include "store/Store.h"

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

const Conversation *MessageLog::memberOf(const Request &r, qint64 conversationId)
{
    const Conversation *c = m_ctx.directory.find(conversationId);
    if (!c) {
        m_ctx.fail(r, ErrorCode::NoSuchConversation, u"no such conversation"_s);
        return nullptr;
    }
    if (!c->member(r.userId)) {
        m_ctx.fail(r, ErrorCode::NotMember, u"you are not a member of this conversation"_s);
        return nullptr;
    }
    return c;
}

void MessageLog::send(const Request &r, const SendFrame &f)
{
    const Conversation *c = memberOf(r, f.conversationId);
    if (!c)
        return;
    if (c->kind == ConversationKind::Direct) {
        for (const Member &m : c->members) {
            if (m.userId != r.userId && m_ctx.directory.isBlockedBetween(r.userId, m.userId)) {
                m_ctx.fail(r, ErrorCode::Blocked, u"one of you blocked the other"_s);
                return;
            }
        }
    }
    AppendRequest request{f.conversationId,     r.userId, r.deviceId, f.clientId,
                          MessageKind::Content, f.body};
    QElapsedTimer sinceArrival;
    sinceArrival.start();
    m_ctx.store.append(
            std::move(request), m_ctx.thread, [this, r, sinceArrival](Result<AppendResult> result) {
                if (!result) {
                    m_ctx.fail(r, result.error());
                    return;
                }
                const Envelope &e = result->envelope;
                // The ack only after the commit; a retry gets the original seq and pushes nothing.
                m_ctx.reply(
                        r,
                        SentFrame{e.conversationId, e.clientId, e.seq, e.serverTime, e.expiresAt});
                if (m_ctx.metrics)
                    m_ctx.metrics->sendToAckSeconds.observe(double(sinceArrival.nsecsElapsed())
                                                            / 1e9);
                if (result->duplicate)
                    return;
                m_ctx.directory.setLastSeq(e.conversationId, e.seq);
                m_ctx.directory.noteSent(e.conversationId, r.userId, e.seq);
                if (m_ctx.metrics)
                    m_ctx.metrics->messagesStored.ref();
                // Encoded once; the same bytes go to every member session but the sender's.
                m_ctx.pushMessage(e, m_ctx.directory.memberIds(e.conversationId), r.from);
            });
}

void MessageLog::history(const Request &r, const HistoryFrame &f)
{
    if (!memberOf(r, f.conversationId))
        return;
    m_ctx.store.run<HistoryPage>(
            m_ctx.thread,
            [f](Database &db) {
                return db.conversations().history(f.conversationId, f.beforeSeq, f.afterSeq,
                                                  f.limit, nowMs());
            },
            [this, r, conv = f.conversationId](Result<HistoryPage> page) {
                if (!page) {
                    m_ctx.fail(r, page.error());
                    return;
                }
                m_ctx.reply(r, MessagesFrame{conv, page->messages, page->more});
            });
}

void MessageLog::sync(const Request &r, const SyncFrame &f)
{
    if (!m_ctx.cluster) {
        syncFromDirectory(r, f);
        return;
    }
    // Other nodes store entries too, and what they told this one over Redis may be incomplete
    // (Redis away): how far each of the user's conversations goes, and when the contacts were
    // last seen, is read from the database; who is online from Redis.
    using Fresh = QPair<QHash<qint64, qint64>, QHash<qint64, qint64>>;
    m_ctx.store.run<Fresh>(
            m_ctx.thread,
            [user = r.userId](Database &db) -> Result<Fresh> {
                auto seqs = db.cluster().lastSeqsOf(user);
                if (!seqs)
                    return seqs.error();
                auto seen = db.cluster().contactsLastSeen(user);
                if (!seen)
                    return seen.error();
                return Fresh{*seqs, *seen};
            },
            [this, r, f](Result<Fresh> fresh) {
                if (!fresh) {
                    m_ctx.fail(r, fresh.error());
                    return;
                }
                for (auto it = fresh->first.cbegin(); it != fresh->first.cend(); ++it)
                    m_ctx.directory.setLastSeq(it.key(), it.value());
                const QHash<qint64, qint64> seen = fresh->second;
                m_ctx.cluster->queryOnline(
                        seen.keys(), [this, r, f, seen](const QSet<qint64> &online) {
                            for (auto it = seen.cbegin(); it != seen.cend(); ++it)
                                m_ctx.presence->learn(it.key(), online.contains(it.key()),
                                                      it.value());
                            syncFromDirectory(r, f);
                        });
            });
}

void MessageLog::syncFromDirectory(const Request &r, const SyncFrame &f)
{
    SyncedFrame reply;
    for (qint64 id : m_ctx.directory.conversationsOf(r.userId)) {
        if (const Conversation *c = m_ctx.directory.find(id))
            reply.conversations.append(*c);
    }
    reply.presence = m_ctx.presence->presenceFor(r.userId);
    reply.showLastSeen = !m_ctx.presence->hidesLastSeen(r.userId);
    // Only cursors of the user's conversations that have something after them.
    QList<SyncCursor> cursors;
    for (const SyncCursor &cursor : f.cursors) {
        const Conversation *c = m_ctx.directory.find(cursor.conversationId);
        if (c && c->member(r.userId) && c->lastSeq > cursor.seq)
            cursors.append(cursor);
    }
    if (cursors.isEmpty()) {
        m_ctx.reply(r, reply);
        return;
    }
    using Page = QPair<QList<Envelope>, bool>;
    m_ctx.store.run<Page>(
            m_ctx.thread,
            [cursors, limit = f.limit](Database &db) -> Result<Page> {
                Page out{{}, false};
                qsizetype bytes = 0;
                for (const SyncCursor &cursor : cursors) {
                    const int room = MaxSyncMessages - int(out.first.size());
                    if (room <= 0 || bytes >= MaxReplyBodyBytes) {
                        out.second = true;
                        break;
                    }
                    auto page = db.conversations().history(cursor.conversationId, 0, cursor.seq,
                                                           std::min(limit, room), nowMs());
                    if (!page)
                        return page.error();
                    out.second = out.second || page->more;
                    for (const Envelope &e : page->messages) {
                        // Whole entries only, in order: what is left out comes with the next sync.
                        if (bytes + e.body.size() > MaxReplyBodyBytes) {
                            out.second = true;
                            break;
                        }
                        bytes += e.body.size();
                        out.first.append(e);
                    }
                }
                return out;
            },
            [this, r, reply](Result<Page> page) mutable {
                if (!page) {
                    m_ctx.fail(r, page.error());
                    return;
                }
                reply.messages = std::move(page->first);
                reply.more = page->second;
                m_ctx.reply(r, reply);
            });
}

void MessageLog::receipt(const Request &r, const ReceiptFrame &f, bool refreshed)
{
    const Receipt &in = f.receipt;
    const Conversation *c = memberOf(r, in.conversationId);
    if (!c)
        return;
    if (in.seq > c->lastSeq && m_ctx.cluster && !refreshed) {
        // Stored by another node, and not heard of here yet: the database knows.
        m_ctx.store.run<qint64>(
                m_ctx.thread,
                [conversation = in.conversationId](Database &db) {
                    return db.cluster().lastSeqOf(conversation);
                },
                [this, r, f](Result<qint64> seq) {
                    if (seq)
                        m_ctx.directory.setLastSeq(f.receipt.conversationId, *seq);
                    receipt(r, f, true);
                });
        return;
    }
    if (in.seq > c->lastSeq) {
        m_ctx.fail(r, ErrorCode::InvalidArgument,
                   u"seq %1 is not in this conversation"_s.arg(in.seq));
        return;
    }
    Receipt receipt = in;
    receipt.userId = r.userId;
    receipt.deviceId = in.kind == ReceiptKind::Delivered ? r.deviceId : 0;
    m_ctx.store.runBatched<bool>(
            m_ctx.thread,
            [receipt](Database &db) {
                if (receipt.seq == 0)
                    return Result<bool>(false); // below anything stored: changes nothing
                return receipt.kind == ReceiptKind::Read
                        ? db.conversations().setRead(receipt.conversationId, receipt.userId,
                                                     receipt.seq)
                        : db.conversations().setDelivered(receipt.conversationId, receipt.deviceId,
                                                          receipt.seq);
            },
            [this, r, receipt](Result<bool> moved) {
                if (!moved) {
                    m_ctx.fail(r, moved.error());
                    return;
                }
                if (r.id >= 0)
                    m_ctx.ok(r);
                if (!*moved)
                    return; // not past what was already stored: nothing new to tell
                Conversation *conversation = m_ctx.directory.findMutable(receipt.conversationId);
                if (!conversation)
                    return;
                qint64 deliveredBefore = 0; // the user's, over all their devices
                for (Member &m : conversation->members) {
                    if (m.userId != receipt.userId)
                        continue;
                    deliveredBefore = m.deliveredUpTo;
                    if (receipt.kind == ReceiptKind::Read)
                        m.readUpTo = std::max(m.readUpTo, receipt.seq);
                    else
                        m.deliveredUpTo = std::max(m.deliveredUpTo, receipt.seq);
                }
                QList<qint64> audience;
                if (receipt.kind == ReceiptKind::Read) {
                    audience = m_ctx.directory.memberIds(receipt.conversationId);
                } else {
                    // Delivery matters to the authors of the messages it covers (their ticks)
                    // and to the user's own devices. Telling every member would cost a group
                    // of n members n pushes per receipt, n^2 per message.
                    if (receipt.seq > deliveredBefore)
                        audience = m_ctx.directory.sendersAfter(receipt.conversationId,
                                                                deliveredBefore);
                    if (!audience.contains(receipt.userId))
                        audience.append(receipt.userId);
                }
                m_ctx.push(audience, ReceiptFrame{receipt}, r.from);
            });
}

} // namespace Parley
