"""Produces key<TAB>value lines to a topic with librdkafka (confluent_kafka) and its default
partitioner (consistent_random: CRC32 of the key, not Java's murmur2), as a non-Java upload system
would. Prints "key partition" for every delivered record; exits 1 if any was not delivered.

usage: librdkafka_produce.py BOOTSTRAP TOPIC FILE
"""
import sys

from confluent_kafka import Producer


def main():
    bootstrap, topic, path = sys.argv[1:4]
    placed = {}
    errors = []

    def delivered(err, msg):
        if err is not None:
            errors.append(str(err))
        else:
            placed[msg.key().decode("utf-8")] = msg.partition()

    producer = Producer({"bootstrap.servers": bootstrap, "message.timeout.ms": 30000})
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            key, value = line.rstrip("\n").split("\t", 1)
            producer.produce(topic, key=key.encode("utf-8"), value=value.encode("utf-8"), on_delivery=delivered)
    left = producer.flush(40)
    if left or errors:
        print("not delivered: %d left, errors %s" % (left, errors), file=sys.stderr)
        sys.exit(1)
    for key, partition in placed.items():
        print(key, partition)


if __name__ == "__main__":
    main()
