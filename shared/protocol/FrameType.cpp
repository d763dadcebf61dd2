#include "FrameType.h"

#include <utility>

namespace Parley {

namespace {

using namespace Qt::StringLiterals;

constexpr std::pair<FrameType, QLatin1StringView> Names[] = {
        {FrameType::Hello, "hello"_L1},
        {FrameType::Welcome, "welcome"_L1},
        {FrameType::Error, "error"_L1},
        {FrameType::Ok, "ok"_L1},
        {FrameType::Ping, "ping"_L1},
        {FrameType::Pong, "pong"_L1},
        {FrameType::Register, "register"_L1},
        {FrameType::Login, "login"_L1},
        {FrameType::Resume, "resume"_L1},
        {FrameType::Authenticated, "authenticated"_L1},
        {FrameType::Logout, "logout"_L1},
        {FrameType::ListDevices, "listDevices"_L1},
        {FrameType::DeviceList, "deviceList"_L1},
        {FrameType::RevokeDevice, "revokeDevice"_L1},
        {FrameType::ChangePassword, "changePassword"_L1},
        {FrameType::FindUser, "findUser"_L1},
        {FrameType::UserFound, "userFound"_L1},
        {FrameType::Block, "block"_L1},
        {FrameType::CreateDirect, "createDirect"_L1},
        {FrameType::CreateGroup, "createGroup"_L1},
        {FrameType::ConversationInfo, "conversation"_L1},
        {FrameType::AddMember, "addMember"_L1},
        {FrameType::RemoveMember, "removeMember"_L1},
        {FrameType::Leave, "leave"_L1},
        {FrameType::SetRole, "setRole"_L1},
        {FrameType::Rename, "rename"_L1},
        {FrameType::Send, "send"_L1},
        {FrameType::Sent, "sent"_L1},
        {FrameType::History, "history"_L1},
        {FrameType::Messages, "messages"_L1},
        {FrameType::Sync, "sync"_L1},
        {FrameType::Synced, "synced"_L1},
        {FrameType::Message, "message"_L1},
        {FrameType::Receipt, "receipt"_L1},
        {FrameType::Typing, "typing"_L1},
        {FrameType::Presence, "presence"_L1},
        {FrameType::InboxSend, "inboxSend"_L1},
        {FrameType::InboxFetch, "inboxFetch"_L1},
        {FrameType::InboxItems, "inboxItems"_L1},
        {FrameType::InboxAck, "inboxAck"_L1},
        {FrameType::InboxPushed, "inbox"_L1},
        {FrameType::UploadKeys, "uploadKeys"_L1},
        {FrameType::FetchKeys, "fetchKeys"_L1},
        {FrameType::KeyBundles, "keyBundles"_L1},
        {FrameType::KeysLow, "keysLow"_L1},
        {FrameType::ListBlocked, "listBlocked"_L1},
        {FrameType::BlockList, "blockList"_L1},
        {FrameType::UploadStart, "uploadStart"_L1},
        {FrameType::UploadChunk, "uploadChunk"_L1},
        {FrameType::UploadStatus, "uploadStatus"_L1},
        {FrameType::UploadFinish, "uploadFinish"_L1},
        {FrameType::UploadProgress, "uploadProgress"_L1},
        {FrameType::UploadFinished, "uploadFinished"_L1},
        {FrameType::Download, "download"_L1},
        {FrameType::DownloadChunk, "downloadChunk"_L1},
        {FrameType::Report, "report"_L1},
        {FrameType::Reported, "reported"_L1},
        {FrameType::SetTimer, "setTimer"_L1},
        {FrameType::SetPrivacy, "setPrivacy"_L1},
        {FrameType::Privacy, "privacy"_L1},
};

} // namespace

int frameTypeSince(FrameType type)
{
    if (type >= FrameType::SetPrivacy)
        return 5;
    if (type >= FrameType::SetTimer)
        return 4;
    if (type >= FrameType::Report)
        return 3;
    return type >= FrameType::ListBlocked ? 2 : 1;
}

QLatin1StringView frameTypeName(FrameType type)
{
    for (const auto &[t, name] : Names) {
        if (t == type)
            return name;
    }
    return "unknown"_L1;
}

FrameType frameTypeFromName(QStringView name)
{
    for (const auto &[t, n] : Names) {
        if (n == name)
            return t;
    }
    return FrameType::Unknown;
}

} // namespace Parley
