"""Run vietdoc as a streaming mapper inside Spark (RDD.pipe, local mode).

Spark reads the documents (wholeTextFiles), turns each into one JSONL record
{"id": path, "text": contents}, and pipes every partition through
`vietdoc parse --input-format jsonl`: one JSON document comes back per record,
in order, with the id echoed. Bad records come back as
{"id", "source", "error": {"kind", "message"}} lines instead of failing the job.

    python examples/pyspark_pipe.py [INPUT_DIR] [OUTPUT_DIR]

Environment: VIETDOC (path to the binary, default target/release/vietdoc).
"""

import json
import os
import sys

from pyspark.sql import SparkSession


def to_record(path_and_text):
    path, text = path_and_text
    return json.dumps({"id": os.path.basename(path), "text": text}, ensure_ascii=False)


def main():
    input_dir = sys.argv[1] if len(sys.argv) > 1 else "fixtures/seeds"
    output_dir = sys.argv[2] if len(sys.argv) > 2 else None
    vietdoc = os.path.abspath(os.environ.get("VIETDOC", "target/release/vietdoc"))

    spark = SparkSession.builder.master("local[2]").appName("vietdoc-pipe").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext

    records = sc.wholeTextFiles(os.path.abspath(input_dir), minPartitions=2).map(to_record)
    # One vietdoc process per partition; Spark already runs partitions in
    # parallel, so each process uses one thread.
    parsed = records.pipe(f"{vietdoc} parse --input-format jsonl --jobs 1 --quiet")
    docs = parsed.map(json.loads)

    if output_dir:
        parsed.saveAsTextFile(os.path.abspath(output_dir))

    rows = docs.map(
        lambda d: (
            d.get("id"),
            d["error"]["kind"] if "error" in d else "ok",
            d["source"].get("lines"),
            d["source"].get("encoding"),
        )
    ).collect()
    for doc_id, status, lines, encoding in sorted(rows):
        print(f"{doc_id}\t{status}\tlines={lines}\tencoding={encoding}")
    print(f"{len(rows)} documents through RDD.pipe "
          f"in {records.getNumPartitions()} partitions")
    spark.stop()


if __name__ == "__main__":
    main()
