#pragma once

/// Registers parley_client's QML-facing types (docs/client-api.md) in the `Parley` module.
///
/// The fallback to qt_generate_foreign_qml_types: Qt 6.4's generator writes class names
/// without their namespace and include paths without their folder (`<ConversationListModel.h>`
/// for models/ConversationListModel.h), so it cannot register Parley:: types. One QML_FOREIGN
/// struct per type does the same; the names QML sees are those of the contract.

#include "Client.h"
#include "backup/HistoryBackup.h"
#include "chat/Chat.h"
#include "chat/StateText.h"
#include "chat/States.h"
#include "e2ee/ContactSafetyNumber.h"
#include "e2ee/ConversationSecurity.h"
#include "models/ConversationListModel.h"
#include "models/DeviceListModel.h"
#include "models/EmojiModel.h"
#include "models/MemberListModel.h"
#include "models/MessageListModel.h"
#include "models/OutboxListModel.h"
#include "moderation/AbuseReporter.h"
#include "platform/ProfileLock.h"
#include "search/SearchResultModel.h"

#include <QtQml/qqml.h>

namespace Parley {

struct ClientForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::Client)
    QML_NAMED_ELEMENT(Client)
    QML_UNCREATABLE("The Client is made by the parley executable")
};

struct ChatForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::Chat)
    QML_NAMED_ELEMENT(Chat)
    QML_UNCREATABLE("A Chat comes from Client.chat(conversationId)")
};

struct AbuseReporterForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::AbuseReporter)
    QML_NAMED_ELEMENT(AbuseReporter)
    QML_UNCREATABLE("The AbuseReporter is Client.reports")
};

struct HistoryBackupForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::HistoryBackup)
    QML_NAMED_ELEMENT(HistoryBackup)
    QML_UNCREATABLE("The HistoryBackup is Client.backup")
};

struct ProfileLockForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::ProfileLock)
    QML_NAMED_ELEMENT(ProfileLock)
    QML_UNCREATABLE("The ProfileLock is Client.profileLock")
};

struct StatesForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::States)
    QML_NAMED_ELEMENT(States)
    QML_UNCREATABLE("States only names the typed states")
};

struct StateTextForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::StateText)
    QML_NAMED_ELEMENT(StateText)
    QML_SINGLETON
};

struct EmojiModelForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::EmojiModel)
    QML_NAMED_ELEMENT(EmojiModel)
    QML_UNCREATABLE("EmojiModel comes from Client.emoji")
};

struct ConversationListModelForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::ConversationListModel)
    QML_NAMED_ELEMENT(ConversationListModel)
    QML_UNCREATABLE("ConversationListModel comes from Client.conversations")
};

struct MessageListModelForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::MessageListModel)
    QML_NAMED_ELEMENT(MessageListModel)
    QML_UNCREATABLE("MessageListModel comes from Chat.messages")
};

struct SearchResultModelForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::SearchResultModel)
    QML_NAMED_ELEMENT(SearchResultModel)
    QML_UNCREATABLE("SearchResultModel comes from Client.searchResults")
};

struct MemberListModelForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::MemberListModel)
    QML_NAMED_ELEMENT(MemberListModel)
    QML_UNCREATABLE("MemberListModel comes from Chat.members")
};

struct DeviceListModelForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::DeviceListModel)
    QML_NAMED_ELEMENT(DeviceListModel)
    QML_UNCREATABLE("DeviceListModel comes from Client.devices")
};

struct OutboxListModelForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::OutboxListModel)
    QML_NAMED_ELEMENT(OutboxListModel)
    QML_UNCREATABLE("OutboxListModel comes from Client.outbox")
};

struct ConversationSecurityForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::ConversationSecurity)
    QML_NAMED_ELEMENT(ConversationSecurity)
    QML_UNCREATABLE("ConversationSecurity comes from Chat.security")
};

struct ContactSafetyNumberForeign
{
    Q_GADGET
    QML_FOREIGN(Parley::ContactSafetyNumber)
    QML_NAMED_ELEMENT(ContactSafetyNumber)
    QML_UNCREATABLE("ContactSafetyNumber comes from Client.safetyNumber(userId)")
};

} // namespace Parley
