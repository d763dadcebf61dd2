#include "Inbox.h"

#include "admin/ServerConfig.h"
#include "store/Store.h"

#include <QtCore/QDateTime>

namespace Parley {

using namespace Qt::StringLiterals;

void Inbox::send(const Request &r, const InboxSendFrame &f)
{
    if (f.items.isEmpty()) {
        m_ctx.ok(r);
        return;
    }
    m_ctx.store.run<QList<InboxStored>>(
            m_ctx.thread,
            [r, items = f.items, max = m_ctx.config.maxInboxItems](Database &db) {
                return db.inbox().send(r.userId, r.deviceId, items,
                                       QDateTime::currentMSecsSinceEpoch(), max);
            },
            [this, r](Result<QList<InboxStored>> stored) {
                if (!stored) {
                    m_ctx.fail(r, stored.error());
                    return;
                }
                m_ctx.ok(r);
                for (const InboxStored &s : *stored)
                    m_ctx.pushToDevice(s.deviceId, FrameCodec::encode(InboxPushedFrame{s.item}));
            });
}

void Inbox::fetch(const Request &r, const InboxFetchFrame &f)
{
    using Page = QPair<QList<InboxItem>, bool>;
    m_ctx.store.run<Page>(
            m_ctx.thread,
            [device = r.deviceId, limit = f.limit](Database &db) {
                return db.inbox().fetch(device, limit);
            },
            [this, r](Result<Page> page) {
                if (!page) {
                    m_ctx.fail(r, page.error());
                    return;
                }
                m_ctx.reply(r, InboxItemsFrame{page->first, page->second});
            });
}

void Inbox::ack(const Request &r, const InboxAckFrame &f)
{
    m_ctx.store.run<bool>(
            m_ctx.thread,
            [device = r.deviceId, ids = f.itemIds](Database &db) -> Result<bool> {
                if (Status s = db.inbox().ack(device, ids); !s)
                    return s.error();
                return true;
            },
            [this, r](Result<bool> done) {
                if (!done)
                    m_ctx.fail(r, done.error());
                else
                    m_ctx.ok(r);
            });
}

} // namespace Parley
