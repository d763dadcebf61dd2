// Without libFuzzer (a gcc build), replay the seed corpus and a fixed number of deterministic
// mutations of it through the same entry point, so the `fuzz` label still guards the decoder.

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR [MUTATIONS]\n", argv[0]);
        return 2;
    }
    const int mutations = argc > 2 ? std::atoi(argv[2]) : 20000;
    QList<QByteArray> seeds;
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    for (const QString &name : dir.entryList(QDir::Files)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            seeds.append(f.readAll());
    }
    if (seeds.isEmpty()) {
        std::fprintf(stderr, "no seeds in %s\n", argv[1]);
        return 2;
    }
    auto run = [](const QByteArray &b) {
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(b.constData()), size_t(b.size()));
    };
    for (const QByteArray &seed : seeds)
        run(seed);
    QRandomGenerator rng(20261126); // fixed: a failure must reproduce
    for (int i = 0; i < mutations; ++i) {
        QByteArray b = seeds.at(rng.bounded(seeds.size()));
        const int edits = 1 + rng.bounded(4);
        for (int e = 0; e < edits && !b.isEmpty(); ++e) {
            const int pos = rng.bounded(b.size());
            switch (rng.bounded(4)) {
            case 0:
                b[pos] = char(rng.bounded(256));
                break;
            case 1:
                b.truncate(pos);
                break;
            case 2:
                b.insert(pos, char(rng.bounded(256)));
                break;
            default:
                b.insert(pos, b.mid(pos, rng.bounded(16)));
                break;
            }
        }
        run(b);
    }
    std::printf("replayed %lld seeds and %d mutations without a crash\n",
                static_cast<long long>(seeds.size()), mutations);
    return 0;
}
