// parley-e2ee-bench: the client-side cost of end-to-end encryption (docs/security.md, "Cost");
// what it measures: EncryptionCosts.h.

#include "CostReport.h"
#include "EncryptionCosts.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QLoggingCategory>
#include <QtCore/QTemporaryDir>

using namespace Parley::E2eeBench;
using namespace Qt::StringLiterals;

namespace {

Options parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Client-side cost of Parley's end-to-end encryption."_s);
    parser.addHelpOption();
    parser.addOption({u"messages"_s, u"Messages to encrypt and decrypt (default 2000)."_s, u"n"_s,
                      u"2000"_s});
    parser.addOption({u"devices"_s, u"New devices to send a first message to (default 200)."_s,
                      u"n"_s, u"200"_s});
    parser.addOption(
            {u"size"_s, u"Content bytes per message (default 200)."_s, u"bytes"_s, u"200"_s});
    parser.addOption({u"catch-up"_s,
                      u"Group messages a device catches up, decrypts and stores (default 10000)."_s,
                      u"n"_s, u"10000"_s});
    parser.process(app);
    Options o;
    o.catchUp = std::max(1, parser.value(u"catch-up"_s).toInt());
    o.messages = std::max(1, parser.value(u"messages"_s).toInt());
    o.newDevices = std::max(1, parser.value(u"devices"_s).toInt());
    o.content = QByteArray(std::max(1, parser.value(u"size"_s).toInt()), 'x');
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"parley-e2ee-bench"_s);
    const Options options = parseOptions(app);
    // The key stores log each session and sender key: noise next to the table.
    QLoggingCategory::setFilterRules(u"parley.*.info=false"_s);

    QTemporaryDir dir;
    if (!dir.isValid())
        die("no temporary folder");
    auto alice = makeDevice(dir, 1, 1, 1);
    auto bob = makeDevice(dir, 2, 1, options.newDevices + 1);
    shareSenderKey(*alice, *bob);
    const MessageCost messages = measureMessages(*alice, *bob, options);
    const MessageCost bare = measureBare(*alice->context, options);
    const FirstMessageCost firsts = measureNewDevices(dir, *alice, *bob, options);
    const CatchUpCost catchUp = measureCatchUp(dir, *alice, *bob, options);
    report(options, messages, bare, firsts, catchUp);
    alice->keys.reset();
    bob->keys.reset();
    return 0;
}
