#pragma once

/// Accounts and devices: register, login, resume, logout, the device list and revocation,
/// password changes, finding users, blocking them and the user's privacy choice. Router thread only.

#include "LoginThrottle.h"
#include "RouteContext.h"

namespace Parley {

struct DeviceRecord;

class Accounts
{
public:
    explicit Accounts(RouteContext &context);

    void registerUser(const Request &r, const RegisterFrame &f);
    void login(const Request &r, const LoginFrame &f);
    void resume(const Request &r, const ResumeFrame &f);
    void logout(const Request &r);
    void listDevices(const Request &r);
    void revokeDevice(const Request &r, const RevokeDeviceFrame &f);
    void changePassword(const Request &r, const ChangePasswordFrame &f);
    void findUser(const Request &r, const FindUserFrame &f);
    void block(const Request &r, const BlockFrame &f);
    void listBlocked(const Request &r);
    void setPrivacy(const Request &r, const SetPrivacyFrame &f);

    /// Refuses an authentication request (the session may try again).
    void refuse(const Request &r, const Error &error);

private:
    void createDevice(const Request &r, qint64 userId, const QString &username,
                      const QString &deviceName);
    void setPassword(const Request &r, const QString &password);
    /// Pushes `userId`'s device list to each of its devices but `except` (one came or went), each
    /// marked as the current one in its own copy.
    void announceDevices(qint64 userId, qint64 except);
    void complete(const Request &r, qint64 userId, const QString &username, qint64 deviceId,
                  const QByteArray &token);
    /// Closes every session of a revoked device, with `lastFrame` for the one that asked.
    void disconnectDevice(qint64 deviceId, const Request &r, const QByteArray &lastFrame);
    bool hashingBusy(const Request &r, bool authenticating);
    static QString throttleKey(const QString &username, const QHostAddress &peer);

    RouteContext &m_ctx;
    LoginThrottle m_throttle;
};

} // namespace Parley
