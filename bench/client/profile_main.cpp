// parley-profile-gen: builds a client profile for bench/client/run (docs/performance.md,
// "The client"): N conversations and M messages written by the client's own pieces.
//
// Every message is what the client stores after receiving it: its content (MessageContent) is
// padded and encrypted with a sender's libsignal sender key (SenderKeyCipher), decrypted by the
// receiving device's key store, unpadded and written to the profile's cache through
// MessageStore::storeMessages, in pages of the size sync fetches. The account (server, user,
// device) goes in the cache's settings and its token in the profile's secrets, as a login leaves
// them, so `parley --profile NAME` opens straight onto the conversation list. The server named is
// not expected to answer: the client starts from its cache before any network.

#include "ProfileWriter.h"
#include "store/MessageStore.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QLoggingCategory>
#include <QtCore/QUrl>

#include <cstdio>

using namespace Parley;
using namespace Parley::ProfileGen;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The client's data folder and keychain entries are named after the application.
    QCoreApplication::setApplicationName(u"parley"_s);
    QLoggingCategory::setFilterRules(u"parley.*.info=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Builds a Parley client profile for the client bench."_s);
    parser.addHelpOption();
    parser.addOptions({
            {u"profile"_s, u"Profile to create (must not exist yet)."_s, u"name"_s, u"bench"_s},
            {u"conversations"_s, u"Conversations (default 500)."_s, u"n"_s, u"500"_s},
            {u"messages"_s, u"Messages in all (default 100000)."_s, u"n"_s, u"100000"_s},
            {u"largest"_s, u"Messages in the first conversation (default 10000)."_s, u"n"_s,
             u"10000"_s},
            {u"server"_s, u"Server URL the account is on (default wss://127.0.0.1:9)."_s, u"url"_s,
             u"wss://127.0.0.1:9"_s},
    });
    parser.process(app);
    const QString profile = parser.value(u"profile"_s);
    const int conversations = std::max(1, parser.value(u"conversations"_s).toInt());
    const int messages = std::max(conversations, parser.value(u"messages"_s).toInt());
    const int largest =
            std::clamp(parser.value(u"largest"_s).toInt(), 1, messages - (conversations - 1));
    QElapsedTimer clock;
    clock.start();
    MessageStore cache;
    ProfileWriter writer(cache);
    writer.createProfile(profile);
    writer.writeConversations(conversations, messages, largest);
    const int written = writer.writeMessages(clock);
    writer.writeAccount(profile, QUrl(parser.value(u"server"_s)));
    std::printf("parley-profile-gen: profile %s: %d conversations, %d messages (largest %d) in "
                "%.1f s\n",
                qPrintable(profile), conversations, written, largest,
                double(clock.elapsed()) / 1000.0);
    return 0;
}
