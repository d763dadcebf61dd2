// Every frame type survives encode → decode unchanged, and carries its request id.

#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"
#include "protocol/Limits.h"

#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_FrameCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTypeHasAName();
    void roundTrips();
    void errorFrameCarriesCodeAndName();
    void membershipEventRoundTrips();

private:
    template<typename T>
    void roundTrip(const T &frame, qint64 id);
};

template<typename T>
void tst_FrameCodec::roundTrip(const T &frame, qint64 id)
{
    const QByteArray bytes = FrameCodec::encode(frame, id);
    auto raw = FrameCodec::decode(bytes, FrameLimits::fromServer());
    QVERIFY2(raw, qPrintable(raw ? QString() : raw.error().message));
    QCOMPARE(raw->type, T::Type);
    QCOMPARE(raw->id, id);
    auto decoded = FrameCodec::read<T>(*raw);
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
    QVERIFY2(*decoded == frame, qPrintable(frameTypeName(T::Type)));
}

void tst_FrameCodec::everyTypeHasAName()
{
    for (int t = int(FrameType::Hello); t <= int(LastFrameType); ++t) {
        const auto name = frameTypeName(FrameType(t));
        QVERIFY2(name != "unknown"_L1, qPrintable(QString::number(t)));
        QCOMPARE(frameTypeFromName(QString(name)), FrameType(t));
    }
}

void tst_FrameCodec::roundTrips()
{
    const QByteArray cid(16, 'k');
    const Member alice{1, u"alice"_s, Role::Owner, 4, 3};
    const Member bob{2, u"bob"_s, Role::Member, 2, 0};
    const Conversation group{
            9, ConversationKind::Group, u"Trip ✈"_s, {alice, bob}, 4, 1700000000000};
    const Envelope envelope{
            9, 4, 1, 11, cid, 1700000000123, MessageKind::Content, QByteArray("\x00\x01\xff", 3)};
    const SignedPreKey spk{5, QByteArray(33, 'p'), QByteArray(64, 's')};
    const OneTimePreKey otk{17, QByteArray(33, 'o')};

    roundTrip(HelloFrame{1, 2, u"parley/0.1"_s}, 0);
    roundTrip(WelcomeFrame{1, u"parleyd/0.1"_s, 30, false}, 0);
    roundTrip(ErrorFrame{ErrorCode::NotMember, u"not a member"_s}, 5);
    roundTrip(OkFrame{}, 6);
    roundTrip(PingFrame{}, 7);
    roundTrip(PongFrame{}, 7);
    roundTrip(RegisterFrame{u"alice"_s, u"correct horse"_s, u"laptop"_s}, 1);
    roundTrip(LoginFrame{u"alice"_s, u"correct horse"_s, u"laptop"_s}, 1);
    roundTrip(ResumeFrame{QByteArray(32, 't')}, 1);
    roundTrip(AuthenticatedFrame{1, u"alice"_s, 11, QByteArray(32, 't')}, 1);
    roundTrip(LogoutFrame{}, 2);
    roundTrip(ListDevicesFrame{}, 2);
    roundTrip(DeviceListFrame{{Device{11, u"laptop"_s, 1, 2, true},
                               Device{12, u"desk"_s, 3, 4, false}}},
              2);
    roundTrip(RevokeDeviceFrame{12}, 3);
    roundTrip(ChangePasswordFrame{u"old password"_s, u"new password"_s}, 3);
    roundTrip(FindUserFrame{u"bob"_s}, 3);
    roundTrip(UserFoundFrame{User{2, u"bob"_s}}, 3);
    roundTrip(BlockFrame{2, true}, 3);
    roundTrip(CreateDirectFrame{2}, 4);
    roundTrip(CreateGroupFrame{u"Trip"_s, {2, 3}}, 4);
    roundTrip(ConversationInfoFrame{group}, 4);
    roundTrip(ConversationInfoFrame{group}, -1);
    roundTrip(AddMemberFrame{9, 3}, 4);
    roundTrip(RemoveMemberFrame{9, 3}, 4);
    roundTrip(LeaveFrame{9}, 4);
    roundTrip(SetRoleFrame{9, 2, Role::Admin}, 4);
    roundTrip(RenameFrame{9, u"New title"_s}, 4);
    roundTrip(SendFrame{9, cid, QByteArray("opaque")}, 8);
    roundTrip(SentFrame{9, cid, 4, 1700000000123}, 8);
    roundTrip(HistoryFrame{9, 40, 0, 50}, 8);
    roundTrip(HistoryFrame{9, 0, 10, 20}, 8);
    roundTrip(MessagesFrame{9, {envelope}, true}, 8);
    roundTrip(SyncFrame{{SyncCursor{9, 3}}, 100}, 8);
    roundTrip(SyncedFrame{{group}, {envelope}, {Presence{2, true, 5}}, false}, 8);
    roundTrip(MessageFrame{envelope}, -1);
    roundTrip(ReceiptFrame{Receipt{9, 2, 12, ReceiptKind::Read, 4}}, -1);
    roundTrip(TypingFrame{Typing{9, 2, true}}, -1);
    roundTrip(PresenceFrame{Presence{2, false, 1700000000000}}, -1);
    roundTrip(InboxSendFrame{{InboxDelivery{2, 12, QByteArray("key")}}}, 9);
    roundTrip(InboxFetchFrame{50}, 9);
    roundTrip(InboxItemsFrame{{InboxItem{1, 2, 12, 3, QByteArray("key")}}, false}, 9);
    roundTrip(InboxAckFrame{{1, 2, 3}}, 9);
    roundTrip(InboxPushedFrame{InboxItem{1, 2, 12, 3, QByteArray("key")}}, -1);
    roundTrip(UploadKeysFrame{1234, QByteArray(33, 'i'), spk, {otk}}, 10);
    roundTrip(FetchKeysFrame{2}, 10);
    roundTrip(KeyBundlesFrame{2,
                              {KeyBundle{2, 12, 1234, QByteArray(33, 'i'), spk, otk},
                               KeyBundle{2, 13, 99, QByteArray(33, 'j'), spk, std::nullopt}}},
              10);
    roundTrip(KeysLowFrame{7}, -1);

    roundTrip(ListBlockedFrame{}, 11);
    roundTrip(BlockListFrame{{2, 3, 99}}, 11);
    roundTrip(BlockListFrame{{2}}, -1);
    roundTrip(BlockListFrame{}, -1);
    const QByteArray upload(16, 'u');
    const QByteArray attachment(16, 'a');
    const QByteArray data("\x00\x01\xff encrypted", 13);
    roundTrip(UploadStartFrame{9, 5 * 1024 * 1024}, 12);
    roundTrip(UploadChunkFrame{upload, 65536, data}, 12);
    roundTrip(UploadChunkFrame{upload, 0, QByteArray(MaxAttachmentChunkBytes, 'c')}, 12);
    roundTrip(UploadStatusFrame{upload}, 12);
    roundTrip(UploadFinishFrame{upload}, 12);
    roundTrip(UploadProgressFrame{upload, 5 * 1024 * 1024, 65536}, 12);
    roundTrip(UploadProgressFrame{upload, 1, 0}, 12);
    roundTrip(UploadFinishedFrame{upload, attachment, 5 * 1024 * 1024}, 12);
    roundTrip(DownloadFrame{attachment, 0}, 13);
    roundTrip(DownloadFrame{attachment, 131072}, 13);
    roundTrip(DownloadChunkFrame{attachment, 131072, 131072 + 13, data}, 13);
    roundTrip(
            DownloadChunkFrame{attachment, 0, 1ll << 40, QByteArray(MaxAttachmentChunkBytes, 'd')},
            13);

    roundTrip(ReportFrame{7, 0, ReportReason::Spam, {}, {}}, 14);
    roundTrip(ReportFrame{7,
                          9,
                          ReportReason::Harassment,
                          u"keeps writing at night"_s,
                          {ReportedMessage{3, 7, u"you will regret it"_s},
                           ReportedMessage{4, 2, QString(MaxReportTextChars, u'é')}}},
              14);
    roundTrip(ReportedFrame{1}, 14);
    roundTrip(SetTimerFrame{9, 3600}, 15);
    Conversation timed = group;
    timed.timerSeconds = 300;
    roundTrip(ConversationInfoFrame{timed}, 15);
    Envelope expiring = envelope;
    expiring.expiresAt = 1700000300123;
    roundTrip(MessageFrame{expiring}, 0);
    roundTrip(SentFrame{9, cid, 4, 1700000000123, 1700000300123}, 15);
    roundTrip(SetPrivacyFrame{false}, 16);
    roundTrip(SetPrivacyFrame{true}, 16);
    roundTrip(PrivacyFrame{false}, -1);
    roundTrip(PresenceFrame{Presence{2, false, 0, true}}, -1);
    roundTrip(SyncedFrame{{group}, {envelope}, {Presence{2, true, 0, true}}, false, false}, 16);
}

void tst_FrameCodec::errorFrameCarriesCodeAndName()
{
    const QByteArray bytes = FrameCodec::encodeError(3, ErrorCode::RateLimited, u"slow down"_s);
    const QCborMap map = QCborValue::fromCbor(bytes).toMap();
    QCOMPARE(map.value("t"_L1).toString(), u"error"_s);
    QCOMPARE(map.value("code"_L1).toInteger(), 400);
    QCOMPARE(map.value("name"_L1).toString(), u"rate_limited"_s);
    QCOMPARE(map.value("id"_L1).toInteger(), 3);
}

void tst_FrameCodec::membershipEventRoundTrips()
{
    const MembershipEvent added{MembershipEvent::Action::Added, 1, 2, u"bob"_s, Role::Admin, {}};
    auto decoded = MembershipEvent::fromBytes(added.toBytes());
    QVERIFY(decoded);
    QCOMPARE(*decoded, added);
    const MembershipEvent renamed{
            MembershipEvent::Action::Renamed, 1, 0, {}, Role::Member, u"New"_s};
    QCOMPARE(*MembershipEvent::fromBytes(renamed.toBytes()), renamed);
    QVERIFY(!MembershipEvent::fromBytes(QByteArray("\xff")));
}

QTEST_GUILESS_MAIN(tst_FrameCodec)
#include "tst_framecodec.moc"
