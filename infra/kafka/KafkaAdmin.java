import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.FenceProducersOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Small admin helper for kafka.sh, compiled once by kafka.sh against lib/kafka-clients-*.jar.
 * One JVM and one Admin client per call, so readiness and topic creation stay fast.
 *
 * <pre>
 *   KafkaAdmin wait   BOOTSTRAP TIMEOUT_SECONDS [PID|-] [FILE]
 *                     exit 0 ready, 1 timeout, 2 PID died, 3 topics from FILE failed,
 *                     4 users failed
 *   KafkaAdmin topics BOOTSTRAP FILE                    create missing topics listed in FILE, set their configs
 *   KafkaAdmin list   BOOTSTRAP                         print topic names with partition counts
 *   KafkaAdmin users  BOOTSTRAP                         upsert the SCRAM users of the credentials dir
 * </pre>
 *
 * With -Dmotcua.kafka.credentials=DIR the client signs in with SASL/SCRAM-SHA-512 as the user of
 * DIR/admin.env (a super user of the broker), and `wait` and `users` upsert a SCRAM-SHA-512
 * credential for every other DIR/*.env (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD lines, written by
 * tools/kafka/identities.ts). Without it the client connects in PLAINTEXT.
 *
 * FILE: one topic a line, "name [partitions]"; blank lines and '#' comments ignored.
 * Missing partitions means the broker default (num.partitions). Replication factor is
 * the broker default (1 on this single node).
 */
public final class KafkaAdmin {
  private static final long CALL_TIMEOUT_MS = 3_000;

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      usage();
    }
    String bootstrap = args[1];
    switch (args[0]) {
      case "wait" -> {
        if (args.length < 3) {
          usage();
        }
        long timeoutS = Long.parseLong(args[2]);
        long pid = args.length > 3 && !args[3].equals("-") ? Long.parseLong(args[3]) : -1;
        Path topics = args.length > 4 ? Path.of(args[4]) : null;
        System.exit(waitReady(bootstrap, timeoutS, pid, topics));
      }
      case "topics" -> {
        if (args.length < 3) {
          usage();
        }
        System.exit(createTopics(bootstrap, Path.of(args[2])));
      }
      case "list" -> System.exit(listTopics(bootstrap));
      case "users" -> {
        try (Admin admin = admin(bootstrap)) {
          System.exit(upsertUsers(admin));
        }
      }
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println("usage: KafkaAdmin wait BOOTSTRAP TIMEOUT_S [PID|-] [FILE] | topics BOOTSTRAP FILE | list BOOTSTRAP | users BOOTSTRAP");
    System.exit(64);
  }

  private static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "motcua-kafka-sh");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT_MS);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT_MS);
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50);
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    p.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
    p.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
    Path credentials = credentialsDir();
    if (credentials != null) {
      Map<String, String> me = readEnvFile(credentials.resolve("admin.env"));
      p.put("security.protocol", "SASL_PLAINTEXT");
      p.put("sasl.mechanism", "SCRAM-SHA-512");
      p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
          + me.get("KAFKA_SASL_USERNAME") + "\" password=\"" + me.get("KAFKA_SASL_PASSWORD") + "\";");
    }
    return Admin.create(p);
  }

  private static Path credentialsDir() {
    String dir = System.getProperty("motcua.kafka.credentials", "");
    return dir.isEmpty() ? null : Path.of(dir);
  }

  /** KEY=VALUE lines (no quoting: the generated passwords are URL-safe base64). */
  private static Map<String, String> readEnvFile(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (values.get("KAFKA_SASL_USERNAME") == null || values.get("KAFKA_SASL_PASSWORD") == null) {
      throw new IllegalStateException(file + " lacks KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD");
    }
    return values;
  }

  /**
   * Upserts a SCRAM-SHA-512 credential for the user of every DIR/*.env but admin.env (the admin
   * was bootstrapped when the storage was formatted). An upsert with the same password is harmless.
   */
  private static int upsertUsers(Admin admin) throws Exception {
    Path dir = credentialsDir();
    if (dir == null) {
      System.err.println("kafka.sh: no credentials dir (-Dmotcua.kafka.credentials)");
      return 1;
    }
    List<UserScramCredentialAlteration> upserts = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".env")).sorted().toList()) {
        if (file.getFileName().toString().equals("admin.env")) {
          continue;
        }
        Map<String, String> user = readEnvFile(file);
        String name = user.get("KAFKA_SASL_USERNAME");
        names.add(name);
        upserts.add(new UserScramCredentialUpsertion(name,
            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
            user.get("KAFKA_SASL_PASSWORD")));
      }
    }
    if (!upserts.isEmpty()) {
      admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
    }
    System.out.println("kafka.sh: SCRAM-SHA-512 users: " + names);
    return 0;
  }

  /** Ready = the broker answers DescribeCluster (with an active controller) and a Metadata request. */
  private static int waitReady(String bootstrap, long timeoutS, long pid, Path topics) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
    String last = "no answer";
    try (Admin admin = admin(bootstrap)) {
      while (System.nanoTime() < deadline) {
        if (pid > 0 && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          System.err.println("kafka.sh: broker process " + pid + " exited");
          return 2;
        }
        try {
          DescribeClusterResult cluster = admin.describeCluster();
          List<Node> nodes = new ArrayList<>(cluster.nodes().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS));
          Node controller = cluster.controller().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
          admin.listTopics(new ListTopicsOptions().listInternal(true))
              .names().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
          if (!nodes.isEmpty() && controller != null && !controller.isEmpty()) {
            warmUp(admin);
            // Same JVM and client for the topics and users: saves a JVM start on every kafka.sh start.
            if (topics != null && createTopics(admin, topics) != 0) {
              return 3;
            }
            return credentialsDir() == null || upsertUsers(admin) == 0 ? 0 : 4;
          }
          last = "no brokers or no controller in metadata yet";
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          Throwable c = e.getCause() != null ? e.getCause() : e;
          last = c.getClass().getSimpleName() + ": " + c.getMessage();
        }
        Thread.sleep(200);
      }
    }
    System.err.println("kafka.sh: broker at " + bootstrap + " not ready after " + timeoutS + " s (" + last + ")");
    return 1;
  }

  /**
   * Best effort: make the broker create and load __consumer_offsets and __transaction_state and
   * fetch its first block of producer ids now, so the first consumer group or idempotent /
   * transactional producer of a test does not meet COORDINATOR_NOT_AVAILABLE or
   * COORDINATOR_LOAD_IN_PROGRESS (clients retry those, but log them as errors and lose time).
   */
  private static void warmUp(Admin admin) {
    try {
      // FindCoordinator(GROUP) creates __consumer_offsets.
      admin.listConsumerGroupOffsets("motcua-kafka-sh-warmup",
              new ListConsumerGroupOffsetsOptions().timeoutMs(20_000))
          .partitionsToOffsetAndMetadata().get(25, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // readiness does not depend on it
    }
    try {
      // InitProducerId for a new transactional id: FindCoordinator(TRANSACTION) creates
      // __transaction_state, and a new producer id makes the broker fetch its first block of
      // ids from the controller (a known id would only get its epoch bumped, hence a new name
      // each start; the entry expires with transactional.id.expiration.ms, 7 days).
      admin.fenceProducers(List.of("motcua-kafka-sh-warmup-" + System.currentTimeMillis()),
              new FenceProducersOptions().timeoutMs(20_000))
          .all().get(25, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // readiness does not depend on it
    }
  }

  /** One line of the topics file: partitions (optional) and topic configs (key=value, optional). */
  private record TopicSpec(Optional<Integer> partitions, Map<String, String> configs) {}

  private static Map<String, TopicSpec> readTopicsFile(Path file) throws Exception {
    Map<String, TopicSpec> wanted = new LinkedHashMap<>();
    int lineNo = 0;
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      String line = raw.replaceFirst("#.*$", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+");
      Optional<Integer> partitions = Optional.empty();
      Map<String, String> configs = new LinkedHashMap<>();
      for (int i = 1; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq > 0) {
          configs.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
          continue;
        }
        if (i != 1) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": expected 'topic [partitions] [key=value ...]', got: " + raw);
        }
        try {
          int n = Integer.parseInt(parts[1]);
          if (n < 1) {
            throw new NumberFormatException();
          }
          partitions = Optional.of(n);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": partitions must be a positive integer, got: " + parts[1]);
        }
      }
      wanted.put(parts[0], new TopicSpec(partitions, configs));
    }
    return wanted;
  }

  private static int createTopics(String bootstrap, Path file) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      return createTopics(admin, file);
    }
  }

  private static int createTopics(Admin admin, Path file) throws Exception {
    Map<String, TopicSpec> wanted;
    try {
      wanted = readTopicsFile(file);
    } catch (IllegalArgumentException e) {
      System.err.println("kafka.sh: " + e.getMessage());
      return 1;
    }
    if (wanted.isEmpty()) {
      System.out.println("kafka.sh: " + file + " lists no topics");
      return 0;
    }
    Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
    List<NewTopic> toCreate = new ArrayList<>();
    for (Map.Entry<String, TopicSpec> e : wanted.entrySet()) {
      if (!existing.contains(e.getKey())) {
        toCreate.add(new NewTopic(e.getKey(), e.getValue().partitions(), Optional.empty())
            .configs(e.getValue().configs()));
      }
    }
    Set<String> created = new TreeSet<>();
    Set<String> failed = new TreeSet<>();
    if (!toCreate.isEmpty()) {
      CreateTopicsResult result = admin.createTopics(toCreate);
      for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> f : result.values().entrySet()) {
        try {
          f.getValue().get(30, TimeUnit.SECONDS);
          created.add(f.getKey());
        } catch (ExecutionException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) {
            failed.add(f.getKey());
            System.err.println("kafka.sh: cannot create topic " + f.getKey() + ": " + ex.getCause());
          }
        }
      }
    }
    // Existing topics with a partition count other than the file's are reported, not changed.
    List<String> present = new ArrayList<>();
    for (String name : wanted.keySet()) {
      if (!created.contains(name) && !failed.contains(name)) {
        present.add(name);
      }
    }
    if (!present.isEmpty()) {
      Map<String, TopicDescription> descs =
          admin.describeTopics(present).allTopicNames().get(10, TimeUnit.SECONDS);
      for (String name : present) {
        Optional<Integer> want = wanted.get(name).partitions();
        int have = descs.get(name).partitions().size();
        if (want.isPresent() && want.get() != have) {
          System.err.println("kafka.sh: warning: topic " + name + " has " + have + " partitions, "
              + file.getFileName() + " asks for " + want.get() + " (left as is; 'kafka.sh reset' recreates)");
        }
      }
    }
    // Existing topics get the file's configs (retention, compaction): set, never left behind.
    Map<ConfigResource, java.util.Collection<AlterConfigOp>> alterations = new LinkedHashMap<>();
    for (String name : present) {
      List<AlterConfigOp> ops = new ArrayList<>();
      for (Map.Entry<String, String> c : wanted.get(name).configs().entrySet()) {
        ops.add(new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET));
      }
      if (!ops.isEmpty()) {
        alterations.put(new ConfigResource(ConfigResource.Type.TOPIC, name), ops);
      }
    }
    if (!alterations.isEmpty()) {
      try {
        admin.incrementalAlterConfigs(alterations).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException ex) {
        System.err.println("kafka.sh: cannot set topic configs: " + ex.getCause());
        return 1;
      }
    }
    System.out.println("kafka.sh: topics: " + created.size() + " created"
        + (created.isEmpty() ? "" : " " + created) + ", " + present.size() + " already present");
    return failed.isEmpty() ? 0 : 1;
  }

  private static int listTopics(String bootstrap) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      Set<String> names = new TreeSet<>(admin.listTopics().names().get(10, TimeUnit.SECONDS));
      if (names.isEmpty()) {
        return 0;
      }
      Map<String, TopicDescription> descs = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
      for (String name : names) {
        System.out.println(name + " " + descs.get(name).partitions().size());
      }
      return 0;
    }
  }
}
