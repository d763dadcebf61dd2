// libFuzzer entry point: any bytes through the client-side and server-side frame decoders and
// every typed reader. Must never crash, hang or leak, whatever the input.

#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"

#include <cstddef>
#include <cstdint>

using namespace Parley;

namespace {

template<typename... T>
void readAll(const RawFrame &raw)
{
    // Each reader either accepts or returns an error; only the matching type reads fields,
    // so read the fields of every type directly to exercise all of them.
    ((void)T::fromCbor(raw.fields), ...);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const FrameLimits &limits : {FrameLimits::fromClient(), FrameLimits::fromServer()}) {
        auto raw = FrameCodec::decode(bytes, limits);
        if (!raw)
            continue;
        readAll<HelloFrame, WelcomeFrame, ErrorFrame, RegisterFrame, LoginFrame, ResumeFrame,
                AuthenticatedFrame, DeviceListFrame, RevokeDeviceFrame, ChangePasswordFrame,
                FindUserFrame, UserFoundFrame, BlockFrame, CreateDirectFrame, CreateGroupFrame,
                ConversationInfoFrame, AddMemberFrame, RemoveMemberFrame, LeaveFrame, SetRoleFrame,
                RenameFrame, SendFrame, SentFrame, HistoryFrame, MessagesFrame, SyncFrame,
                SyncedFrame, MessageFrame, ReceiptFrame, TypingFrame, PresenceFrame, InboxSendFrame,
                InboxFetchFrame, InboxItemsFrame, InboxAckFrame, InboxPushedFrame, UploadKeysFrame,
                FetchKeysFrame, KeyBundlesFrame, KeysLowFrame, BlockListFrame, UploadStartFrame,
                UploadChunkFrame, UploadStatusFrame, UploadFinishFrame, UploadProgressFrame,
                UploadFinishedFrame, DownloadFrame, DownloadChunkFrame, ReportFrame, ReportedFrame,
                SetTimerFrame, SetPrivacyFrame, PrivacyFrame>(*raw);
        (void)MembershipEvent::fromBytes(
                raw->fields.value(QLatin1StringView("body")).toByteArray());
    }
    return 0;
}
