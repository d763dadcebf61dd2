#include "LastSeenPrivacy.h"

#include "net/Connection.h"
#include "net/PushDispatcher.h"
#include "protocol/Frames.h"
#include "protocol/Limits.h"
#include "store/MessageStore.h"

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

const QString SettingKey = u"privacy/showLastSeen"_s;

/// The protocol version that brought `setPrivacy`.
constexpr int PrivacyVersion = 5;

} // namespace

LastSeenPrivacy::LastSeenPrivacy(Connection *connection, PushDispatcher *pushes,
                                 MessageStore *store, QObject *parent)
    : QObject(parent),
      m_connection(connection),
      m_store(store)
{
    pushes->route(this, &LastSeenPrivacy::pushed);
    connect(connection, &Connection::stateChanged, this, &LastSeenPrivacy::availabilityChanged);
}

bool LastSeenPrivacy::canChange() const
{
    return m_connection && m_connection->isReady()
            && m_connection->welcome().version >= PrivacyVersion;
}

void LastSeenPrivacy::load()
{
    m_store->setting(SettingKey).then(this, [this](const QVariant &shows) {
        if (shows.isValid() && shows.toBool() != m_shows) {
            m_shows = shows.toBool();
            Q_EMIT changed();
        }
    });
}

void LastSeenPrivacy::learn(bool shows)
{
    if (shows == m_shows)
        return;
    m_shows = shows;
    m_store->setSetting(SettingKey, shows);
    Q_EMIT changed();
}

void LastSeenPrivacy::setShowsLastSeen(bool shows)
{
    if (!canChange()) {
        // The switch is disabled then; the view still shows the choice as it is.
        Q_EMIT changed();
        return;
    }
    m_connection->request(SetPrivacyFrame{shows}).then(this, [this, shows](Result<RawFrame> reply) {
        if (reply && reply->type == FrameType::Error) {
            auto e = FrameCodec::read<ErrorFrame>(*reply);
            reply = e ? Result<RawFrame>(Error{e->code, e->message}) : Result<RawFrame>(e.error());
        }
        if (!reply) {
            Q_EMIT errorOccurred(reply.error());
            Q_EMIT changed(); // the switch goes back to what holds
            return;
        }
        learn(shows);
    });
}

void LastSeenPrivacy::pushed(const PrivacyFrame &frame)
{
    learn(frame.showLastSeen);
}

} // namespace Parley
