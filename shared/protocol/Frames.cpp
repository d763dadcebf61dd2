#include "Frames.h"

#include "FieldReader.h"
#include "Limits.h"

#include <QtCore/QCborArray>

#include <limits>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

template<typename T>
QCborArray toArray(const QList<T> &items)
{
    QCborArray array;
    for (const T &item : items)
        array.append(item.toCbor());
    return array;
}

QCborArray toArray(const QList<qint64> &ids)
{
    QCborArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

/// A username: 3–32 of [a-z0-9_.-], starting with a letter or digit.
bool isValidUsername(const QString &name)
{
    if (name.size() < 3 || name.size() > MaxUsernameChars)
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (!alnum && (i == 0 || (c != u'_' && c != u'.' && c != u'-')))
            return false;
    }
    return true;
}

void checkUsername(FieldReader &r, const QString &name)
{
    if (!r.hasFailed() && !isValidUsername(name))
        r.fail(ErrorCode::InvalidUsername,
               u"a username is 3 to 32 lowercase letters, digits, '_', '.' or '-'"_s);
}

} // namespace

// --- session -------------------------------------------------------------------------------

QCborMap HelloFrame::toCbor() const
{
    return {{"minVersion"_L1, minVersion}, {"maxVersion"_L1, maxVersion}, {"client"_L1, client}};
}

Result<HelloFrame> HelloFrame::fromCbor(const QCborMap &map)
{
    HelloFrame f;
    FieldReader r(map);
    r.integer("minVersion"_L1, f.minVersion, 1, 65535)
            .integer("maxVersion"_L1, f.maxVersion, 1, 65535)
            .optional()
            .text("client"_L1, f.client, 64);
    if (!r.hasFailed() && f.minVersion > f.maxVersion)
        r.fail(ErrorCode::InvalidField, u"minVersion is above maxVersion"_s);
    return r.finish(f);
}

QCborMap WelcomeFrame::toCbor() const
{
    return {{"version"_L1, version},
            {"server"_L1, server},
            {"heartbeat"_L1, heartbeatSeconds},
            {"registration"_L1, registrationOpen}};
}

Result<WelcomeFrame> WelcomeFrame::fromCbor(const QCborMap &map)
{
    WelcomeFrame f;
    FieldReader r(map);
    r.integer("version"_L1, f.version, 1, 65535)
            .optional()
            .text("server"_L1, f.server, 64)
            .integer("heartbeat"_L1, f.heartbeatSeconds, 1, 3600)
            .optional()
            .boolean("registration"_L1, f.registrationOpen);
    return r.finish(f);
}

QCborMap ErrorFrame::toCbor() const
{
    return {{"code"_L1, int(code)}, {"name"_L1, errorCodeName(code)}, {"message"_L1, message}};
}

Result<ErrorFrame> ErrorFrame::fromCbor(const QCborMap &map)
{
    ErrorFrame f;
    qint64 code = 0;
    FieldReader r(map);
    r.integer("code"_L1, code, 1, 65535).optional().text("message"_L1, f.message, 1024);
    f.code = errorCodeFromNumber(code);
    return r.finish(f);
}

// --- accounts and devices --------------------------------------------------------------------

QCborMap RegisterFrame::toCbor() const
{
    return {{"username"_L1, username}, {"password"_L1, password}, {"deviceName"_L1, deviceName}};
}

Result<RegisterFrame> RegisterFrame::fromCbor(const QCborMap &map)
{
    RegisterFrame f;
    FieldReader r(map);
    r.text("username"_L1, f.username, MaxUsernameChars)
            .text("password"_L1, f.password, MaxPasswordBytes)
            .text("deviceName"_L1, f.deviceName, MaxDeviceNameChars);
    checkUsername(r, f.username);
    if (!r.hasFailed() && f.password.size() < MinPasswordChars)
        r.fail(ErrorCode::WeakPassword,
               u"a password has at least %1 characters"_s.arg(MinPasswordChars));
    return r.finish(f);
}

QCborMap LoginFrame::toCbor() const
{
    return {{"username"_L1, username}, {"password"_L1, password}, {"deviceName"_L1, deviceName}};
}

Result<LoginFrame> LoginFrame::fromCbor(const QCborMap &map)
{
    LoginFrame f;
    FieldReader r(map);
    r.text("username"_L1, f.username, MaxUsernameChars)
            .text("password"_L1, f.password, MaxPasswordBytes)
            .text("deviceName"_L1, f.deviceName, MaxDeviceNameChars);
    return r.finish(f);
}

QCborMap ResumeFrame::toCbor() const
{
    return {{"token"_L1, token}};
}

Result<ResumeFrame> ResumeFrame::fromCbor(const QCborMap &map)
{
    ResumeFrame f;
    FieldReader r(map);
    r.bytes("token"_L1, f.token, 64);
    return r.finish(f);
}

QCborMap AuthenticatedFrame::toCbor() const
{
    QCborMap map{{"user"_L1, userId}, {"username"_L1, username}, {"device"_L1, deviceId}};
    if (!token.isEmpty())
        map.insert("token"_L1, token);
    return map;
}

Result<AuthenticatedFrame> AuthenticatedFrame::fromCbor(const QCborMap &map)
{
    AuthenticatedFrame f;
    FieldReader r(map);
    r.id("user"_L1, f.userId)
            .text("username"_L1, f.username, MaxUsernameChars)
            .id("device"_L1, f.deviceId)
            .optional()
            .bytes("token"_L1, f.token, 64);
    return r.finish(f);
}

QCborMap DeviceListFrame::toCbor() const
{
    return {{"devices"_L1, toArray(devices)}};
}

Result<DeviceListFrame> DeviceListFrame::fromCbor(const QCborMap &map)
{
    DeviceListFrame f;
    FieldReader r(map);
    r.list("devices"_L1, f.devices, 1000);
    return r.finish(f);
}

QCborMap RevokeDeviceFrame::toCbor() const
{
    return {{"device"_L1, deviceId}};
}

Result<RevokeDeviceFrame> RevokeDeviceFrame::fromCbor(const QCborMap &map)
{
    RevokeDeviceFrame f;
    FieldReader r(map);
    r.id("device"_L1, f.deviceId);
    return r.finish(f);
}

QCborMap ChangePasswordFrame::toCbor() const
{
    return {{"oldPassword"_L1, oldPassword}, {"newPassword"_L1, newPassword}};
}

Result<ChangePasswordFrame> ChangePasswordFrame::fromCbor(const QCborMap &map)
{
    ChangePasswordFrame f;
    FieldReader r(map);
    r.text("oldPassword"_L1, f.oldPassword, MaxPasswordBytes)
            .text("newPassword"_L1, f.newPassword, MaxPasswordBytes);
    if (!r.hasFailed() && f.newPassword.size() < MinPasswordChars)
        r.fail(ErrorCode::WeakPassword,
               u"a password has at least %1 characters"_s.arg(MinPasswordChars));
    return r.finish(f);
}

QCborMap FindUserFrame::toCbor() const
{
    return {{"username"_L1, username}};
}

Result<FindUserFrame> FindUserFrame::fromCbor(const QCborMap &map)
{
    FindUserFrame f;
    FieldReader r(map);
    r.text("username"_L1, f.username, MaxUsernameChars);
    return r.finish(f);
}

QCborMap UserFoundFrame::toCbor() const
{
    return user.toCbor();
}

Result<UserFoundFrame> UserFoundFrame::fromCbor(const QCborMap &map)
{
    auto user = User::fromCbor(map);
    if (!user)
        return user.error();
    return UserFoundFrame{std::move(user).value()};
}

QCborMap BlockFrame::toCbor() const
{
    return {{"user"_L1, userId}, {"blocked"_L1, blocked}};
}

Result<BlockFrame> BlockFrame::fromCbor(const QCborMap &map)
{
    BlockFrame f;
    FieldReader r(map);
    r.id("user"_L1, f.userId).boolean("blocked"_L1, f.blocked);
    return r.finish(f);
}

// --- conversations ---------------------------------------------------------------------------

QCborMap CreateDirectFrame::toCbor() const
{
    return {{"user"_L1, userId}};
}

Result<CreateDirectFrame> CreateDirectFrame::fromCbor(const QCborMap &map)
{
    CreateDirectFrame f;
    FieldReader r(map);
    r.id("user"_L1, f.userId);
    return r.finish(f);
}

QCborMap CreateGroupFrame::toCbor() const
{
    return {{"title"_L1, title}, {"members"_L1, toArray(members)}};
}

Result<CreateGroupFrame> CreateGroupFrame::fromCbor(const QCborMap &map)
{
    CreateGroupFrame f;
    FieldReader r(map);
    r.text("title"_L1, f.title, MaxTitleChars).idList("members"_L1, f.members, MaxGroupMembers - 1);
    if (!r.hasFailed() && f.title.trimmed().isEmpty())
        r.fail(ErrorCode::InvalidArgument, u"a group needs a title"_s);
    return r.finish(f);
}

QCborMap ConversationInfoFrame::toCbor() const
{
    return conversation.toCbor();
}

Result<ConversationInfoFrame> ConversationInfoFrame::fromCbor(const QCborMap &map)
{
    auto c = Conversation::fromCbor(map);
    if (!c)
        return c.error();
    return ConversationInfoFrame{std::move(c).value()};
}

QCborMap AddMemberFrame::toCbor() const
{
    return {{"conv"_L1, conversationId}, {"user"_L1, userId}};
}

Result<AddMemberFrame> AddMemberFrame::fromCbor(const QCborMap &map)
{
    AddMemberFrame f;
    FieldReader r(map);
    r.id("conv"_L1, f.conversationId).id("user"_L1, f.userId);
    return r.finish(f);
}

QCborMap RemoveMemberFrame::toCbor() const
{
    return {{"conv"_L1, conversationId}, {"user"_L1, userId}};
}

Result<RemoveMemberFrame> RemoveMemberFrame::fromCbor(const QCborMap &map)
{
    RemoveMemberFrame f;
    FieldReader r(map);
    r.id("conv"_L1, f.conversationId).id("user"_L1, f.userId);
    return r.finish(f);
}

QCborMap LeaveFrame::toCbor() const
{
    return {{"conv"_L1, conversationId}};
}

Result<LeaveFrame> LeaveFrame::fromCbor(const QCborMap &map)
{
    LeaveFrame f;
    FieldReader r(map);
    r.id("conv"_L1, f.conversationId);
    return r.finish(f);
}

QCborMap SetRoleFrame::toCbor() const
{
    return {{"conv"_L1, conversationId}, {"user"_L1, userId}, {"role"_L1, roleName(role)}};
}

Result<SetRoleFrame> SetRoleFrame::fromCbor(const QCborMap &map)
{
    SetRoleFrame f;
    QString role;
    FieldReader r(map);
    r.id("conv"_L1, f.conversationId).id("user"_L1, f.userId).text("role"_L1, role, 16);
    if (!r.hasFailed()) {
        if (auto parsed = roleFromName(role))
            f.role = *parsed;
        else
            r.fail(ErrorCode::InvalidField, u"unknown role"_s);
    }
    return r.finish(f);
}

QCborMap RenameFrame::toCbor() const
{
    return {{"conv"_L1, conversationId}, {"title"_L1, title}};
}

QCborMap SetTimerFrame::toCbor() const
{
    return {{"conv"_L1, conversationId}, {"timer"_L1, seconds}};
}

Result<SetTimerFrame> SetTimerFrame::fromCbor(const QCborMap &map)
{
    SetTimerFrame f;
    FieldReader r(map);
    r.id("conv"_L1, f.conversationId).integer("timer"_L1, f.seconds, 0, MaxTimerSeconds);
    return r.finish(f);
}

Result<RenameFrame> RenameFrame::fromCbor(const QCborMap &map)
{
    RenameFrame f;
    FieldReader r(map);
    r.id("conv"_L1, f.conversationId).text("title"_L1, f.title, MaxTitleChars);
    if (!r.hasFailed() && f.title.trimmed().isEmpty())
        r.fail(ErrorCode::InvalidArgument, u"a group needs a title"_s);
    return r.finish(f);
}

// --- the log ---------------------------------------------------------------------------------

QCborMap SendFrame::toCbor() const
{
    return {{"conv"_L1, conversationId}, {"clientId"_L1, clientId}, {"body"_L1, body}};
}

Result<SendFrame> SendFrame::fromCbor(const QCborMap &map)
{
    SendFrame f;
    FieldReader r(map);
    r.id("conv"_L1, f.conversationId)
            .bytes("clientId"_L1, f.clientId, ClientIdBytes)
            .bytes("body"_L1, f.body, MaxBodyBytes, ErrorCode::BodyTooLarge);
    if (!r.hasFailed() && f.clientId.size() != ClientIdBytes)
        r.fail(ErrorCode::InvalidField, u"clientId is %1 bytes"_s.arg(ClientIdBytes));
    return r.finish(f);
}

QCborMap SentFrame::toCbor() const
{
    QCborMap map{{"conv"_L1, conversationId},
                 {"clientId"_L1, clientId},
                 {"seq"_L1, seq},
                 {"ts"_L1, serverTime}};
    if (expiresAt > 0)
        map.insert("expires"_L1, expiresAt);
    return map;
}

Result<SentFrame> SentFrame::fromCbor(const QCborMap &map)
{
    SentFrame f;
    FieldReader r(map);
    r.id("conv"_L1, f.conversationId)
            .bytes("clientId"_L1, f.clientId, ClientIdBytes)
            .id("seq"_L1, f.seq)
            .id("ts"_L1, f.serverTime)
            .optional()
            .id("expires"_L1, f.expiresAt);
    return r.finish(f);
}

QCborMap HistoryFrame::toCbor() const
{
    QCborMap map{{"conv"_L1, conversationId}, {"limit"_L1, limit}};
    if (beforeSeq)
        map.insert("before"_L1, beforeSeq);
    else
        map.insert("after"_L1, afterSeq);
    return map;
}

Result<HistoryFrame> HistoryFrame::fromCbor(const QCborMap &map)
{
    HistoryFrame f;
    FieldReader r(map);
    r.id("conv"_L1, f.conversationId)
            .optional()
            .id("before"_L1, f.beforeSeq)
            .optional()
            .id("after"_L1, f.afterSeq)
            .integer("limit"_L1, f.limit, 1, MaxPageMessages);
    return r.finish(f);
}

QCborMap MessagesFrame::toCbor() const
{
    return {{"conv"_L1, conversationId}, {"messages"_L1, toArray(messages)}, {"more"_L1, more}};
}

Result<MessagesFrame> MessagesFrame::fromCbor(const QCborMap &map)
{
    MessagesFrame f;
    FieldReader r(map);
    r.id("conv"_L1, f.conversationId)
            .list("messages"_L1, f.messages, MaxPageMessages)
            .boolean("more"_L1, f.more);
    return r.finish(f);
}

QCborMap SyncCursor::toCbor() const
{
    return {{"conv"_L1, conversationId}, {"seq"_L1, seq}};
}

Result<SyncCursor> SyncCursor::fromCbor(const QCborMap &map)
{
    SyncCursor c;
    FieldReader r(map);
    r.id("conv"_L1, c.conversationId).id("seq"_L1, c.seq);
    return r.finish(c);
}

QCborMap SyncFrame::toCbor() const
{
    return {{"cursors"_L1, toArray(cursors)}, {"limit"_L1, limit}};
}

Result<SyncFrame> SyncFrame::fromCbor(const QCborMap &map)
{
    SyncFrame f;
    FieldReader r(map);
    r.list("cursors"_L1, f.cursors, 1000).integer("limit"_L1, f.limit, 1, MaxPageMessages);
    return r.finish(f);
}

QCborMap SyncedFrame::toCbor() const
{
    return {{"conversations"_L1, toArray(conversations)},
            {"messages"_L1, toArray(messages)},
            {"presence"_L1, toArray(presence)},
            {"more"_L1, more},
            {"showLastSeen"_L1, showLastSeen}};
}

Result<SyncedFrame> SyncedFrame::fromCbor(const QCborMap &map)
{
    SyncedFrame f;
    FieldReader r(map);
    r.list("conversations"_L1, f.conversations, 5000)
            .list("messages"_L1, f.messages, 5000)
            .list("presence"_L1, f.presence, 5000)
            .boolean("more"_L1, f.more)
            .optional()
            .boolean("showLastSeen"_L1, f.showLastSeen);
    return r.finish(f);
}

QCborMap MessageFrame::toCbor() const
{
    return envelope.toCbor();
}

Result<MessageFrame> MessageFrame::fromCbor(const QCborMap &map)
{
    auto e = Envelope::fromCbor(map);
    if (!e)
        return e.error();
    return MessageFrame{std::move(e).value()};
}

// --- receipts and ephemeral signals ----------------------------------------------------------

QCborMap ReceiptFrame::toCbor() const
{
    return receipt.toCbor();
}

Result<ReceiptFrame> ReceiptFrame::fromCbor(const QCborMap &map)
{
    auto v = Receipt::fromCbor(map);
    if (!v)
        return v.error();
    return ReceiptFrame{std::move(v).value()};
}

QCborMap TypingFrame::toCbor() const
{
    return typing.toCbor();
}

Result<TypingFrame> TypingFrame::fromCbor(const QCborMap &map)
{
    auto v = Typing::fromCbor(map);
    if (!v)
        return v.error();
    return TypingFrame{std::move(v).value()};
}

QCborMap PresenceFrame::toCbor() const
{
    return presence.toCbor();
}

Result<PresenceFrame> PresenceFrame::fromCbor(const QCborMap &map)
{
    auto v = Presence::fromCbor(map);
    if (!v)
        return v.error();
    return PresenceFrame{std::move(v).value()};
}

// --- device inbox and keys -------------------------------------------------------------------

QCborMap InboxSendFrame::toCbor() const
{
    return {{"items"_L1, toArray(items)}};
}

Result<InboxSendFrame> InboxSendFrame::fromCbor(const QCborMap &map)
{
    InboxSendFrame f;
    FieldReader r(map);
    r.list("items"_L1, f.items, MaxInboxItemsPerSend);
    return r.finish(f);
}

QCborMap InboxFetchFrame::toCbor() const
{
    return {{"limit"_L1, limit}};
}

Result<InboxFetchFrame> InboxFetchFrame::fromCbor(const QCborMap &map)
{
    InboxFetchFrame f;
    FieldReader r(map);
    r.integer("limit"_L1, f.limit, 1, 500);
    return r.finish(f);
}

QCborMap InboxItemsFrame::toCbor() const
{
    return {{"items"_L1, toArray(items)}, {"more"_L1, more}};
}

Result<InboxItemsFrame> InboxItemsFrame::fromCbor(const QCborMap &map)
{
    InboxItemsFrame f;
    FieldReader r(map);
    r.list("items"_L1, f.items, 500).boolean("more"_L1, f.more);
    return r.finish(f);
}

QCborMap InboxAckFrame::toCbor() const
{
    return {{"items"_L1, toArray(itemIds)}};
}

Result<InboxAckFrame> InboxAckFrame::fromCbor(const QCborMap &map)
{
    InboxAckFrame f;
    FieldReader r(map);
    r.idList("items"_L1, f.itemIds, 500);
    return r.finish(f);
}

QCborMap InboxPushedFrame::toCbor() const
{
    return item.toCbor();
}

Result<InboxPushedFrame> InboxPushedFrame::fromCbor(const QCborMap &map)
{
    auto v = InboxItem::fromCbor(map);
    if (!v)
        return v.error();
    return InboxPushedFrame{std::move(v).value()};
}

QCborMap UploadKeysFrame::toCbor() const
{
    return {{"registrationId"_L1, registrationId},
            {"identityKey"_L1, identityKey},
            {"signedPreKey"_L1, signedPreKey.toCbor()},
            {"preKeys"_L1, toArray(preKeys)}};
}

Result<UploadKeysFrame> UploadKeysFrame::fromCbor(const QCborMap &map)
{
    UploadKeysFrame f;
    FieldReader r(map);
    r.integer("registrationId"_L1, f.registrationId, 1, 0x3FFF)
            .bytes("identityKey"_L1, f.identityKey, MaxKeyBytes)
            .object("signedPreKey"_L1, f.signedPreKey)
            .list("preKeys"_L1, f.preKeys, MaxPreKeysPerUpload);
    return r.finish(f);
}

QCborMap FetchKeysFrame::toCbor() const
{
    return {{"user"_L1, userId}};
}

Result<FetchKeysFrame> FetchKeysFrame::fromCbor(const QCborMap &map)
{
    FetchKeysFrame f;
    FieldReader r(map);
    r.id("user"_L1, f.userId);
    return r.finish(f);
}

QCborMap KeyBundlesFrame::toCbor() const
{
    return {{"user"_L1, userId}, {"bundles"_L1, toArray(bundles)}};
}

Result<KeyBundlesFrame> KeyBundlesFrame::fromCbor(const QCborMap &map)
{
    KeyBundlesFrame f;
    FieldReader r(map);
    r.id("user"_L1, f.userId).list("bundles"_L1, f.bundles, 100);
    return r.finish(f);
}

QCborMap KeysLowFrame::toCbor() const
{
    return {{"remaining"_L1, remaining}};
}

Result<KeysLowFrame> KeysLowFrame::fromCbor(const QCborMap &map)
{
    KeysLowFrame f;
    FieldReader r(map);
    r.integer("remaining"_L1, f.remaining, 0, 1000000);
    return r.finish(f);
}

// --- blocking --------------------------------------------------------------------------------

QCborMap BlockListFrame::toCbor() const
{
    return {{"users"_L1, toArray(userIds)}};
}

Result<BlockListFrame> BlockListFrame::fromCbor(const QCborMap &map)
{
    BlockListFrame f;
    FieldReader r(map);
    r.idList("users"_L1, f.userIds, MaxBlockedUsers);
    return r.finish(f);
}

// --- attachments -----------------------------------------------------------------------------

namespace {

/// An upload or attachment id: exactly AttachmentIdBytes (longer → limit_exceeded).
void readAttachmentId(FieldReader &r, QLatin1StringView key, QByteArray &out)
{
    r.bytes(key, out, AttachmentIdBytes);
    if (!r.hasFailed() && out.size() != AttachmentIdBytes)
        r.fail(ErrorCode::InvalidField, u"%1 is %2 bytes"_s.arg(key).arg(AttachmentIdBytes));
}

constexpr qint64 MaxOffset = std::numeric_limits<qint64>::max();

} // namespace

QCborMap UploadStartFrame::toCbor() const
{
    return {{"conv"_L1, conversationId}, {"size"_L1, size}};
}

Result<UploadStartFrame> UploadStartFrame::fromCbor(const QCborMap &map)
{
    UploadStartFrame f;
    FieldReader r(map);
    r.id("conv"_L1, f.conversationId).integer("size"_L1, f.size, 1, MaxOffset);
    return r.finish(f);
}

QCborMap UploadChunkFrame::toCbor() const
{
    return {{"upload"_L1, uploadId}, {"offset"_L1, offset}, {"data"_L1, data}};
}

Result<UploadChunkFrame> UploadChunkFrame::fromCbor(const QCborMap &map)
{
    UploadChunkFrame f;
    FieldReader r(map);
    readAttachmentId(r, "upload"_L1, f.uploadId);
    r.id("offset"_L1, f.offset).bytes("data"_L1, f.data, MaxAttachmentChunkBytes);
    if (!r.hasFailed() && f.data.isEmpty())
        r.fail(ErrorCode::InvalidField, u"data is empty"_s);
    return r.finish(f);
}

QCborMap UploadStatusFrame::toCbor() const
{
    return {{"upload"_L1, uploadId}};
}

Result<UploadStatusFrame> UploadStatusFrame::fromCbor(const QCborMap &map)
{
    UploadStatusFrame f;
    FieldReader r(map);
    readAttachmentId(r, "upload"_L1, f.uploadId);
    return r.finish(f);
}

QCborMap UploadFinishFrame::toCbor() const
{
    return {{"upload"_L1, uploadId}};
}

Result<UploadFinishFrame> UploadFinishFrame::fromCbor(const QCborMap &map)
{
    UploadFinishFrame f;
    FieldReader r(map);
    readAttachmentId(r, "upload"_L1, f.uploadId);
    return r.finish(f);
}

QCborMap UploadProgressFrame::toCbor() const
{
    return {{"upload"_L1, uploadId}, {"size"_L1, size}, {"received"_L1, received}};
}

Result<UploadProgressFrame> UploadProgressFrame::fromCbor(const QCborMap &map)
{
    UploadProgressFrame f;
    FieldReader r(map);
    readAttachmentId(r, "upload"_L1, f.uploadId);
    r.integer("size"_L1, f.size, 1, MaxOffset).id("received"_L1, f.received);
    if (!r.hasFailed() && f.received > f.size)
        r.fail(ErrorCode::InvalidField, u"received is more than size"_s);
    return r.finish(f);
}

QCborMap UploadFinishedFrame::toCbor() const
{
    return {{"upload"_L1, uploadId}, {"attachment"_L1, attachmentId}, {"size"_L1, size}};
}

Result<UploadFinishedFrame> UploadFinishedFrame::fromCbor(const QCborMap &map)
{
    UploadFinishedFrame f;
    FieldReader r(map);
    readAttachmentId(r, "upload"_L1, f.uploadId);
    readAttachmentId(r, "attachment"_L1, f.attachmentId);
    r.integer("size"_L1, f.size, 1, MaxOffset);
    return r.finish(f);
}

QCborMap DownloadFrame::toCbor() const
{
    return {{"attachment"_L1, attachmentId}, {"offset"_L1, offset}};
}

Result<DownloadFrame> DownloadFrame::fromCbor(const QCborMap &map)
{
    DownloadFrame f;
    FieldReader r(map);
    readAttachmentId(r, "attachment"_L1, f.attachmentId);
    r.id("offset"_L1, f.offset);
    return r.finish(f);
}

QCborMap DownloadChunkFrame::toCbor() const
{
    return {{"attachment"_L1, attachmentId},
            {"offset"_L1, offset},
            {"size"_L1, size},
            {"data"_L1, data}};
}

Result<DownloadChunkFrame> DownloadChunkFrame::fromCbor(const QCborMap &map)
{
    DownloadChunkFrame f;
    FieldReader r(map);
    readAttachmentId(r, "attachment"_L1, f.attachmentId);
    r.id("offset"_L1, f.offset)
            .integer("size"_L1, f.size, 1, MaxOffset)
            .bytes("data"_L1, f.data, MaxAttachmentChunkBytes);
    if (!r.hasFailed() && (f.offset > f.size || f.data.size() > f.size - f.offset))
        r.fail(ErrorCode::InvalidField, u"data goes beyond size"_s);
    return r.finish(f);
}

// --- privacy --------------------------------------------------------------------------------

QCborMap SetPrivacyFrame::toCbor() const
{
    return {{"showLastSeen"_L1, showLastSeen}};
}

Result<SetPrivacyFrame> SetPrivacyFrame::fromCbor(const QCborMap &map)
{
    SetPrivacyFrame f;
    FieldReader r(map);
    r.boolean("showLastSeen"_L1, f.showLastSeen);
    return r.finish(f);
}

QCborMap PrivacyFrame::toCbor() const
{
    return {{"showLastSeen"_L1, showLastSeen}};
}

Result<PrivacyFrame> PrivacyFrame::fromCbor(const QCborMap &map)
{
    PrivacyFrame f;
    FieldReader r(map);
    r.boolean("showLastSeen"_L1, f.showLastSeen);
    return r.finish(f);
}

} // namespace Parley
