// parley-e2ee-bench: the client-side cost of end-to-end encryption (docs/security.md, "Cost");
// what it measures: EncryptionCosts.h.

#include "CostReport.h"
#include "EncryptionCosts.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLoggingCategory>
#include <QtCore/QTemporaryDir>

using namespace Parley::E2eeBench;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"parley-e2ee-bench"_s);
    const Options options = Options::fromCommandLine(app);
    // The key stores log each session and sender key: noise next to the table.
    QLoggingCategory::setFilterRules(u"parley.*.info=false"_s);

    QTemporaryDir dir;
    if (!dir.isValid())
        die("no temporary folder");
    auto alice = makeDevice(dir, 1, 1, 1);
    auto bob = makeDevice(dir, 2, 1, options.newDevices + 1);
    shareSenderKey(*alice, *bob);
    if (options.decryptOnly) {
        reportDecrypts(options, measureDecrypts(*alice, *bob, options));
        alice->keys.reset();
        bob->keys.reset();
        return 0;
    }
    const MessageCost messages = measureMessages(*alice, *bob, options);
    const MessageCost bare = measureBare(*alice->context, options);
    const FirstMessageCost firsts = measureNewDevices(dir, *alice, *bob, options);
    const CatchUpCost catchUp = measureCatchUp(dir, *alice, *bob, options);
    report(options, messages, bare, firsts, catchUp);
    alice->keys.reset();
    bob->keys.reset();
    return 0;
}
