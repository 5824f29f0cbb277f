package dev.autohair.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectRefTest {

    @Test
    void parsesBucketAndKeyKeepingTheKeyVerbatim() {
        ObjectRef ref = ObjectRef.parse("s3://my.bucket-1/a/b/c%20d.jpg");

        assertThat(ref.bucket()).isEqualTo("my.bucket-1");
        assertThat(ref.key()).isEqualTo("a/b/c%20d.jpg");
        assertThat(ref.toUri()).isEqualTo("s3://my.bucket-1/a/b/c%20d.jpg");
    }

    @Test
    void rejectsUrisWithoutSchemeBucketOrKey() {
        assertThatThrownBy(() -> ObjectRef.parse("http://b/k")).isInstanceOf(ConstraintException.class)
                .hasMessageContaining("s3://bucket/key");
        assertThatThrownBy(() -> ObjectRef.parse("s3://bucket")).hasMessageContaining("names no object key");
        assertThatThrownBy(() -> ObjectRef.parse("s3://bucket/")).hasMessageContaining("names no object key");
        assertThatThrownBy(() -> ObjectRef.parse("s3://Bad_Bucket/k")).hasMessageContaining("not an S3 bucket name");
    }
}
