#include "Accounts.h"

#include "Logging.h"
#include "PasswordHasher.h"
#include "admin/ServerConfig.h"
#include "cluster/ClusterRelay.h"
#include "presence/PresenceTracker.h"
#include "protocol/Limits.h"
#include "store/Store.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDateTime>

#include <sodium.h>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxPendingHashes = 64;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray newToken()
{
    QByteArray token(32, Qt::Uninitialized);
    randombytes_buf(token.data(), std::size_t(token.size()));
    return token;
}

QByteArray tokenHash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

} // namespace

Accounts::Accounts(RouteContext &context)
    : m_ctx(context),
      m_throttle(context.config.loginFailuresAllowed,
                 qint64(context.config.loginBackoffSeconds) * 1000)
{
}

QString Accounts::throttleKey(const QString &username, const QHostAddress &peer)
{
    return username + u'|' + peer.toString();
}

void Accounts::refuse(const Request &r, const Error &error)
{
    m_ctx.delivery->authenticationFailed(r.from,
                                         FrameCodec::encodeError(r.id, error.code, error.message));
}

bool Accounts::hashingBusy(const Request &r, bool authenticating)
{
    if (PasswordHasher::pending() < MaxPendingHashes)
        return false;
    const Error busy{ErrorCode::Unavailable, u"the server is busy; try again shortly"_s};
    if (authenticating)
        refuse(r, busy);
    else
        m_ctx.fail(r, busy);
    return true;
}

void Accounts::registerUser(const Request &r, const RegisterFrame &f)
{
    if (!m_ctx.config.registrationOpen) {
        refuse(r, {ErrorCode::RegistrationClosed, u"registration is closed on this server"_s});
        return;
    }
    if (hashingBusy(r, true))
        return;
    PasswordHasher::hash(f.password).then(m_ctx.thread, [this, r, f](const QString &hash) {
        if (hash.isEmpty()) {
            refuse(r, {ErrorCode::InternalError, u"could not hash the password"_s});
            return;
        }
        m_ctx.store.run<qint64>(
                m_ctx.thread,
                [f, hash](Database &db) {
                    return db.accounts().createUser(f.username, hash, nowMs());
                },
                [this, r, f](Result<qint64> user) {
                    if (!user) {
                        refuse(r, user.error());
                        return;
                    }
                    qCInfo(lcServerRouting) << "user" << *user << "registered";
                    createDevice(r, *user, f.username, f.deviceName);
                });
    });
}

void Accounts::login(const Request &r, const LoginFrame &f)
{
    const QString key = throttleKey(f.username, r.peer);
    if (const qint64 wait = m_throttle.waitFor(key, nowMs())) {
        refuse(r,
               {ErrorCode::SlowDown,
                u"too many failed logins; try again in %1 s"_s.arg((wait + 999) / 1000)});
        return;
    }
    if (hashingBusy(r, true))
        return;
    m_ctx.store.run<UserRecord>(
            m_ctx.thread,
            [username = f.username](Database &db) { return db.accounts().userByName(username); },
            [this, r, f, key](Result<UserRecord> user) {
                if (!user && user.error().code != ErrorCode::NoSuchUser) {
                    refuse(r, user.error());
                    return;
                }
                const QString encoded = user ? user->passwordHash : QString();
                PasswordHasher::verify(encoded, f.password)
                        .then(m_ctx.thread, [this, r, f, key, user](bool matches) {
                            if (!matches) {
                                m_throttle.failed(key, nowMs());
                                refuse(r,
                                       {ErrorCode::InvalidCredentials,
                                        u"wrong username or password"_s});
                                return;
                            }
                            m_throttle.succeeded(key);
                            if (user->disabled) {
                                refuse(r,
                                       {ErrorCode::AccountDisabled, u"this account is disabled"_s});
                                return;
                            }
                            createDevice(r, user->id, user->username, f.deviceName);
                        });
            });
}

void Accounts::createDevice(const Request &r, qint64 userId, const QString &username,
                            const QString &deviceName)
{
    const QByteArray token = newToken();
    const int maxDevices = m_ctx.config.maxDevicesPerUser;
    m_ctx.store.run<DeviceRecord>(
            m_ctx.thread,
            [userId, deviceName, hash = tokenHash(token), maxDevices](Database &db) {
                return db.accounts().createDevice(userId, deviceName, hash, nowMs(), maxDevices);
            },
            [this, r, userId, username, token](Result<DeviceRecord> device) {
                if (!device) {
                    refuse(r, device.error());
                    return;
                }
                complete(r, userId, username, device->id, token);
            });
}

void Accounts::resume(const Request &r, const ResumeFrame &f)
{
    // Tokens cannot be guessed, but a client trying many is still slowed down per address.
    const QString key = throttleKey(u"(resume)"_s, r.peer);
    if (const qint64 wait = m_throttle.waitFor(key, nowMs())) {
        refuse(r,
               {ErrorCode::SlowDown,
                u"too many failed attempts; try again in %1 s"_s.arg((wait + 999) / 1000)});
        return;
    }
    // Batched: after a restart or a network blip many devices resume at once, and one commit
    // (one fsync) for all their last-seen times keeps reconnecting from queueing on the disk.
    m_ctx.store.runBatched<DeviceRecord>(
            m_ctx.thread,
            [hash = tokenHash(f.token)](Database &db) -> Result<DeviceRecord> {
                auto device = db.accounts().deviceByTokenHash(hash);
                if (device) {
                    // A failed write must fail the shared transaction, not hide in it.
                    if (Status touched = db.accounts().touchDevice(device->id, nowMs()); !touched)
                        return touched.error();
                }
                return device;
            },
            [this, r, key](Result<DeviceRecord> device) {
                if (!device) {
                    if (device.error().code == ErrorCode::InvalidToken)
                        m_throttle.failed(key, nowMs());
                    refuse(r, device.error());
                    return;
                }
                complete(r, device->userId, device->username, device->id, {});
            });
}

void Accounts::complete(const Request &r, qint64 userId, const QString &username, qint64 deviceId,
                        const QByteArray &token)
{
    if (!m_ctx.sessions.find(r.from)) {
        // The connection went away meanwhile; a new device nobody holds a token for is revoked.
        if (!token.isEmpty()) {
            m_ctx.store.runDetached([deviceId](Database &db) -> Status {
                auto revoked = db.accounts().revokeDevice(deviceId, 0, nowMs());
                if (!revoked)
                    return revoked.error();
                return {};
            });
        }
        return;
    }
    m_ctx.sessions.authenticate(r.from, userId, deviceId);
    if (m_ctx.cluster)
        m_ctx.cluster->sessionAuthenticated(userId, deviceId);
    m_ctx.presence->deviceOnline(userId);
    AuthenticatedFrame frame{userId, username, deviceId, token};
    m_ctx.delivery->authenticated(r.from, userId, deviceId, FrameCodec::encode(frame, r.id));
    qCDebug(lcServerRouting) << "device" << deviceId << "of user" << userId << "authenticated";
    // A new device (register, login): the user's other devices show it, so a login that was
    // not the user's is seen (docs/protocol.md, 6.1).
    if (!token.isEmpty())
        announceDevices(userId, deviceId);
    // A device short of one-time pre-keys (a new one has none) is told at once.
    m_ctx.store.run<int>(
            m_ctx.thread, [deviceId](Database &db) { return db.keys().preKeyCount(deviceId); },
            [this, from = r.from](Result<int> stock) {
                if (stock && *stock < m_ctx.config.keysLowThreshold)
                    m_ctx.delivery->send(from, FrameCodec::encode(KeysLowFrame{*stock}));
            });
}

void Accounts::disconnectDevice(qint64 deviceId, const Request &r, const QByteArray &lastFrame)
{
    const QByteArray revoked =
            FrameCodec::encodeError(-1, ErrorCode::InvalidToken, u"this device was revoked"_s);
    for (const SessionAddress &a : m_ctx.sessions.ofDevice(deviceId))
        m_ctx.delivery->close(a, a == r.from ? lastFrame : revoked);
    if (m_ctx.cluster)
        m_ctx.cluster->deviceRevoked(deviceId); // its sessions on other nodes
}

void Accounts::logout(const Request &r)
{
    m_ctx.store.run<DeviceRecord>(
            m_ctx.thread,
            [device = r.deviceId, user = r.userId](Database &db) {
                return db.accounts().revokeDevice(device, user, nowMs());
            },
            [this, r](Result<DeviceRecord> device) {
                if (!device) {
                    m_ctx.fail(r, device.error());
                    return;
                }
                disconnectDevice(r.deviceId, r, FrameCodec::encode(OkFrame{}, r.id));
            });
}

void Accounts::listDevices(const Request &r)
{
    m_ctx.store.run<QList<DeviceRecord>>(
            m_ctx.thread,
            [user = r.userId](Database &db) { return db.accounts().listDevices(user); },
            [this, r](Result<QList<DeviceRecord>> devices) {
                if (!devices) {
                    m_ctx.fail(r, devices.error());
                    return;
                }
                DeviceListFrame frame;
                for (const DeviceRecord &d : *devices)
                    frame.devices.append(
                            Device{d.id, d.name, d.createdAt, d.lastSeenAt, d.id == r.deviceId});
                m_ctx.reply(r, frame);
            });
}

void Accounts::revokeDevice(const Request &r, const RevokeDeviceFrame &f)
{
    m_ctx.store.run<DeviceRecord>(
            m_ctx.thread,
            [device = f.deviceId, user = r.userId](Database &db) {
                return db.accounts().revokeDevice(device, user, nowMs());
            },
            [this, r, f](Result<DeviceRecord> device) {
                if (!device) {
                    m_ctx.fail(r, device.error());
                    return;
                }
                qCInfo(lcServerRouting)
                        << "device" << f.deviceId << "of user" << r.userId << "revoked";
                const QByteArray ok = FrameCodec::encode(OkFrame{}, r.id);
                if (f.deviceId != r.deviceId)
                    m_ctx.delivery->send(r.from, ok);
                disconnectDevice(f.deviceId, r, ok);
                announceDevices(r.userId, f.deviceId);
            });
}

void Accounts::announceDevices(qint64 userId, qint64 except)
{
    m_ctx.store.run<QList<DeviceRecord>>(
            m_ctx.thread, [userId](Database &db) { return db.accounts().listDevices(userId); },
            [this, except](Result<QList<DeviceRecord>> devices) {
                if (!devices)
                    return; // the next listDevices tells them
                for (const DeviceRecord &to : *devices) {
                    if (to.id == except)
                        continue;
                    DeviceListFrame frame;
                    for (const DeviceRecord &d : *devices)
                        frame.devices.append(
                                Device{d.id, d.name, d.createdAt, d.lastSeenAt, d.id == to.id});
                    m_ctx.pushToDevice(to.id, FrameCodec::encode(frame));
                }
            });
}

void Accounts::changePassword(const Request &r, const ChangePasswordFrame &f)
{
    if (hashingBusy(r, false))
        return;
    m_ctx.store.run<UserRecord>(
            m_ctx.thread, [user = r.userId](Database &db) { return db.accounts().userById(user); },
            [this, r, f](Result<UserRecord> user) {
                if (!user) {
                    m_ctx.fail(r, user.error());
                    return;
                }
                const QString key = throttleKey(user->username, r.peer);
                if (const qint64 wait = m_throttle.waitFor(key, nowMs())) {
                    m_ctx.fail(r, ErrorCode::SlowDown,
                               u"too many failed attempts; try again in %1 s"_s.arg((wait + 999)
                                                                                    / 1000));
                    return;
                }
                PasswordHasher::verify(user->passwordHash, f.oldPassword)
                        .then(m_ctx.thread, [this, r, f, key](bool matches) {
                            if (!matches) {
                                m_throttle.failed(key, nowMs());
                                m_ctx.fail(r, ErrorCode::InvalidCredentials,
                                           u"the old password is wrong"_s);
                                return;
                            }
                            setPassword(r, f.newPassword);
                        });
            });
}

void Accounts::setPassword(const Request &r, const QString &password)
{
    PasswordHasher::hash(password).then(m_ctx.thread, [this, r](const QString &hash) {
        if (hash.isEmpty()) {
            m_ctx.fail(r, ErrorCode::InternalError, u"could not hash the password"_s);
            return;
        }
        m_ctx.store.run<bool>(
                m_ctx.thread,
                [user = r.userId, hash](Database &db) -> Result<bool> {
                    if (Status s = db.accounts().setPasswordHash(user, hash); !s)
                        return s.error();
                    return true;
                },
                [this, r](Result<bool> done) {
                    if (!done)
                        m_ctx.fail(r, done.error());
                    else
                        m_ctx.ok(r);
                });
    });
}

void Accounts::findUser(const Request &r, const FindUserFrame &f)
{
    m_ctx.store.run<UserRecord>(
            m_ctx.thread,
            [name = f.username](Database &db) { return db.accounts().userByName(name); },
            [this, r](Result<UserRecord> user) {
                if (!user) {
                    m_ctx.fail(r, user.error());
                    return;
                }
                if (user->disabled) {
                    m_ctx.fail(r, ErrorCode::NoSuchUser, u"no such user"_s);
                    return;
                }
                m_ctx.reply(r, UserFoundFrame{User{user->id, user->username}});
            });
}

void Accounts::block(const Request &r, const BlockFrame &f)
{
    if (f.userId == r.userId) {
        m_ctx.fail(r, ErrorCode::InvalidArgument, u"you cannot block yourself"_s);
        return;
    }
    if (f.blocked && !m_ctx.directory.hasBlocked(r.userId, f.userId)
        && m_ctx.directory.blockedBy(r.userId).size() >= MaxBlockedUsers) {
        m_ctx.fail(r, ErrorCode::TooManyItems,
                   u"you can block at most %1 users"_s.arg(MaxBlockedUsers));
        return;
    }
    m_ctx.store.run<bool>(
            m_ctx.thread,
            [user = r.userId, f](Database &db) -> Result<bool> {
                auto other = db.accounts().userById(f.userId);
                if (!other)
                    return other.error();
                if (Status s = db.accounts().setBlocked(user, f.userId, f.blocked); !s)
                    return s.error();
                return true;
            },
            [this, r, f](Result<bool> done) {
                if (!done) {
                    m_ctx.fail(r, done.error());
                    return;
                }
                const bool changed = m_ctx.directory.hasBlocked(r.userId, f.userId) != f.blocked;
                m_ctx.directory.setBlocked(r.userId, f.userId, f.blocked);
                if (changed && m_ctx.cluster)
                    m_ctx.cluster->blockChanged(r.userId, f.userId, f.blocked);
                m_ctx.ok(r);
                if (!changed)
                    return;
                // The user's other devices keep their list in step (docs/protocol.md, "block").
                m_ctx.push({r.userId}, BlockListFrame{m_ctx.directory.blockedBy(r.userId)}, r.from);
                // The blocked user stops seeing the blocker's presence at once; after an
                // unblock they see it again if they share a conversation.
                if (f.blocked)
                    m_ctx.push({f.userId}, PresenceFrame{Presence{r.userId, false, 0}});
                else if (m_ctx.directory.contactsOf(f.userId).contains(r.userId))
                    m_ctx.push({f.userId},

                               PresenceFrame{m_ctx.presence->presenceAs(r.userId, f.userId)});
            });
}

void Accounts::listBlocked(const Request &r)
{
    m_ctx.reply(r, BlockListFrame{m_ctx.directory.blockedBy(r.userId)});
}

void Accounts::setPrivacy(const Request &r, const SetPrivacyFrame &f)
{
    const bool hide = !f.showLastSeen;
    m_ctx.store.run<bool>(
            m_ctx.thread,
            [user = r.userId, hide](Database &db) -> Result<bool> {
                if (Status s = db.accounts().setLastSeenHidden(user, hide); !s)
                    return s.error();
                return true;
            },
            [this, r, f, hide](Result<bool> done) {
                if (!done) {
                    m_ctx.fail(r, done.error());
                    return;
                }
                const bool changed = m_ctx.presence->hidesLastSeen(r.userId) != hide;
                m_ctx.ok(r);
                if (!changed)
                    return;
                if (m_ctx.cluster)
                    m_ctx.cluster->privacyChanged(r.userId, hide);
                // The user's other devices show the same switch (docs/protocol.md, 6.10).
                m_ctx.push({r.userId}, PrivacyFrame{f.showLastSeen}, r.from);
                // Contacts see the time appear or go at once, and so does the user for theirs.
                m_ctx.presence->setLastSeenHidden(r.userId, hide);
            });
}

} // namespace Parley
