#!/usr/bin/env python3
"""Writes a content pack of a given number of exhibits, shaped like the bundled one (halls of
exhibits, each in English with Azerbaijani and Russian translations, labels and "more"
layers), for measuring how loading and the tour grow with the size of a pack.

    Benchmarks/generate-pack.py --exhibits 10000 /tmp/pack-10000

The text is placeholder prose that says it was generated: it must never be taken for content.
"""
import argparse
import math
import os

SENTENCES = {
    "en": ["This text was generated to measure the kiosk and describes nothing real.",
           "A visitor reads each label standing up, so it is kept short and plain.",
           "The record lists the object's number, name, date, maker and materials.",
           "Each hall leads to its neighbours, and the map shows where the visitor is."],
    "az": ["Bu mətn kioskun ölçülməsi üçün yaradılıb və real heç nəyi təsvir etmir.",
           "Ziyarətçi hər etiketi ayaq üstə oxuyur, ona görə də o qısa və sadədir.",
           "Qeyddə əşyanın nömrəsi, adı, tarixi, müəllifi və materialları göstərilir.",
           "Hər zal qonşu zallara aparır, plan isə ziyarətçinin harada olduğunu göstərir."],
    "ru": ["Этот текст создан для измерения киоска и не описывает ничего реального.",
           "Посетитель читает каждую этикетку стоя, поэтому она короткая и простая.",
           "В записи указаны номер предмета, название, дата, автор и материалы.",
           "Каждый зал ведёт к соседним, а план показывает, где находится посетитель."],
}


def prose(language, count, offset=0):
    sentences = SENTENCES[language]
    return " ".join(sentences[(offset + i) % len(sentences)] for i in range(count))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exhibits", type=int, required=True)
    parser.add_argument("--per-hall", type=int, default=100, help="exhibits in a hall (default 100)")
    parser.add_argument("directory")
    arguments = parser.parse_args()

    halls = max(1, math.ceil(arguments.exhibits / arguments.per_hall))
    side = math.ceil(math.sqrt(halls))
    ids = [f"hall-{h:03d}" for h in range(halls)]

    def cell(h):
        return h % side, h // side

    def neighbours(h):
        column, row = cell(h)
        for other in range(halls):
            c, r = cell(other)
            if abs(c - column) + abs(r - row) == 1:
                yield ids[other]

    tour = ["format: 1", "languages: [en, az, ru]", "museum:",
            "  name: {en: Generated Museum, az: Yaradılmış Muzey, ru: Сгенерированный музей}",
            "floor: {en: Generated floor, az: Yaradılmış mərtəbə, ru: Сгенерированный этаж}",
            "advisories:",
            "  loss: {en: Accounts of loss, az: İtki haqqında məlumatlar, ru: Рассказы об утратах}",
            "halls:"]
    for h, hall in enumerate(ids):
        column, row = cell(h)
        tour += [f"  - id: {hall}", f"    stop: {(h + 1) * 1000}", f"    map: [{column}, {row}]",
                 f"    exits: [{', '.join(neighbours(h))}]"]
    write(os.path.join(arguments.directory, "Narratives/tour.yaml"), "\n".join(tour) + "\n")

    titles = {"en": "Generated hall", "az": "Yaradılmış zal", "ru": "Сгенерированный зал"}
    for h, hall in enumerate(ids):
        for language in ["en", "az", "ru"]:
            suffix = "" if language == "en" else f".{language}"
            front = [f"title: {titles[language]} {h + 1}", f"summary: {prose(language, 1)}"]
            front += ["advisory: [loss]", 'sources: ["museum-kiosk, Benchmarks/generate-pack.py, 2026"]'] \
                if language == "en" else ["translation: machine"]
            body = prose(language, 4, h) + "\n\n" + prose(language, 2, h + 1) + "\n<!--more-->\n" \
                + "\n\n".join(prose(language, 5, h + p) for p in range(6))
            write(os.path.join(arguments.directory, f"Narratives/{hall}{suffix}.md"),
                  "---\n" + "\n".join(front) + "\n---\n" + body + "\n")

    names = {"en": "Generated exhibit", "az": "Yaradılmış eksponat", "ru": "Сгенерированный экспонат"}
    for n in range(arguments.exhibits):
        h, e = divmod(n, arguments.per_hall)
        exhibit = f"{e + 1:03d}-exhibit"
        for language in ["en", "az", "ru"]:
            suffix = "" if language == "en" else f".{language}"
            front = [f"title: {names[language]} {n + 1}", f"summary: {prose(language, 1, n)}",
                     f"object_name: {names[language].split()[-1]}"]
            if language == "en":
                front = [f"object_number: DEMO.GEN.{n + 1:06d}", f"stop: {(h + 1) * 1000 + e + 1}",
                         "record_source: demonstration"] + front + [
                    'date: "2026"', "maker: museum-kiosk", "materials: Text", "dimensions: Not applicable",
                    "credit_line: Generated for a benchmark", "rights: Not applicable",
                    'sources: ["museum-kiosk, Benchmarks/generate-pack.py, 2026"]']
            else:
                front.append("translation: machine")
            body = prose(language, 4, n) + "\n<!--more-->\n" + "\n\n".join(prose(language, 4, n + p) for p in range(3))
            write(os.path.join(arguments.directory, f"Exhibits/{ids[h]}/{exhibit}{suffix}.md"),
                  "---\n" + "\n".join(front) + "\n---\n" + body + "\n")


if __name__ == "__main__":
    main()
