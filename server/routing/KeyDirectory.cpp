#include "KeyDirectory.h"

#include "admin/ServerConfig.h"
#include "session/Session.h"
#include "store/Store.h"

namespace Parley {

using namespace Qt::StringLiterals;

void KeyDirectory::upload(const Request &r, const UploadKeysFrame &f)
{
    m_ctx.store.run<int>(
            m_ctx.thread,
            [device = r.deviceId, f](Database &db) {
                return db.keys().upload(device, f.registrationId, f.identityKey, f.signedPreKey,
                                        f.preKeys);
            },
            [this, r](Result<int> stock) {
                if (!stock) {
                    m_ctx.fail(r, stock.error());
                    return;
                }
                m_ctx.ok(r);
                warnIfLow(r.deviceId, *stock);
            });
}

void KeyDirectory::fetch(const Request &r, const FetchKeysFrame &f)
{
    const qint64 now = Session::monotonicMs();
    if (!m_throttle.mayFetch(r.userId, now)) {
        m_ctx.fail(r, ErrorCode::RateLimited, u"too many key fetches; try again later"_s);
        return;
    }
    // Over the target's budget the bundles carry the signed pre-key only: its stock of
    // one-time pre-keys cannot be drained, and X3DH still works without one.
    const bool oneTimeKeys = m_throttle.mayHandOutOneTimeKeys(f.userId, now);
    m_ctx.store.run<FetchedKeys>(
            m_ctx.thread,
            [user = f.userId, device = r.deviceId,
             oneTimeKeys](Database &db) -> Result<FetchedKeys> {
                auto owner = db.accounts().userById(user);
                if (!owner)
                    return owner.error();
                if (owner->disabled)
                    return Error{ErrorCode::NoSuchUser, u"no such user"_s};
                return db.keys().fetch(user, device, oneTimeKeys);
            },
            [this, r, user = f.userId](Result<FetchedKeys> keys) {
                if (!keys) {
                    m_ctx.fail(r, keys.error());
                    return;
                }
                m_ctx.reply(r, KeyBundlesFrame{user, keys->bundles});
                for (const auto &[device, remaining] : keys->remaining)
                    warnIfLow(device, remaining);
            });
}

void KeyDirectory::warnIfLow(qint64 deviceId, int remaining)
{
    if (remaining >= m_ctx.config.keysLowThreshold)
        return;
    m_ctx.pushToDevice(deviceId, FrameCodec::encode(KeysLowFrame{remaining}));
}

} // namespace Parley
