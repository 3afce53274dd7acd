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
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.RaftVoterEndpoint;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
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
 *   KafkaAdmin describe BOOTSTRAP TOPIC                 one line a partition: leader, replicas, in-sync replicas
 *   KafkaAdmin quorum BOOTSTRAP                         the KRaft voters and observers (id, directory id, lag)
 *   KafkaAdmin replace-voter BOOTSTRAP NODE_ID HOST:CONTROLLER_PORT
 *                     make the observer NODE_ID (a node whose storage was formatted anew) the voter
 *                     in place of the voter of the same id whose directory is lost
 * </pre>
 *
 * With -Dmotcua.kafka.nodes=N, `wait` waits until N brokers are registered (a cluster).
 *
 * With -Dmotcua.kafka.credentials=DIR the client signs in with SASL/SCRAM-SHA-512 as the user of
 * DIR/admin.env (a super user of the broker), and `wait` and `users` upsert a SCRAM-SHA-512
 * credential for every other DIR/*.env (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD lines, written by
 * tools/kafka/identities.ts). Without it the client connects in PLAINTEXT.
 *
 * FILE: one topic a line, "name [partitions [replicas [min.insync.replicas]]]"; blank lines and '#'
 * comments ignored. Missing partitions means the broker default (num.partitions); the replication
 * factor is capped at the number of brokers and min.insync.replicas at one below it (see
 * replicationOn, the same rule as libs/contracts/src/topics.ts); missing means the broker defaults.
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
      case "describe" -> {
        if (args.length < 3) {
          usage();
        }
        System.exit(describeTopic(bootstrap, args[2]));
      }
      case "quorum" -> System.exit(quorum(bootstrap));
      case "replace-voter" -> {
        if (args.length < 4) {
          usage();
        }
        System.exit(replaceVoter(bootstrap, Integer.parseInt(args[2]), args[3]));
      }
      case "users" -> {
        try (Admin admin = admin(bootstrap)) {
          System.exit(upsertUsers(admin));
        }
      }
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println("usage: KafkaAdmin wait BOOTSTRAP TIMEOUT_S [PID|-] [FILE] | topics BOOTSTRAP FILE | list BOOTSTRAP"
        + " | users BOOTSTRAP | describe BOOTSTRAP TOPIC | quorum BOOTSTRAP | replace-voter BOOTSTRAP NODE_ID HOST:PORT");
    System.exit(64);
  }

  /** Calls other than the readiness probe: a loaded machine (or a cluster electing) answers slower. */
  private static final long OPERATION_TIMEOUT_MS = 20_000;

  private static Admin admin(String bootstrap) {
    return admin(bootstrap, OPERATION_TIMEOUT_MS);
  }

  private static Admin admin(String bootstrap, long timeoutMs) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "motcua-kafka-sh");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 10_000));
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
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
    try (Admin admin = admin(bootstrap, CALL_TIMEOUT_MS)) {
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
          int wantNodes = Integer.getInteger("motcua.kafka.nodes", 1);
          if (nodes.size() >= wantNodes && controller != null && !controller.isEmpty()) {
            warmUp(admin);
            // Same JVM and client for the topics and users: saves a JVM start on every kafka.sh start.
            if (topics != null && createTopics(admin, topics) != 0) {
              return 3;
            }
            return credentialsDir() == null || upsertUsers(admin) == 0 ? 0 : 4;
          }
          last = nodes.size() + " of " + wantNodes + " brokers registered, controller " + controller;
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

  /**
   * One line of the topics file: partitions, replication factor, min.insync.replicas (each
   * optional, positional) and topic configs (key=value, optional).
   */
  private record Wanted(Optional<Integer> partitions, Optional<Integer> replicas, Optional<Integer> minIsr,
      Map<String, String> configs) {}

  /** The declared replication on a cluster of `brokers` nodes (libs/contracts/src/topics.ts, replicationOn). */
  static int[] replicationOn(int replicas, int minIsr, int brokers) {
    int factor = Math.max(1, Math.min(replicas, brokers));
    return new int[] {factor, Math.max(1, Math.min(minIsr, factor - 1))};
  }

  private static Optional<Integer> positive(Path file, int lineNo, String what, String text) {
    try {
      int n = Integer.parseInt(text);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return Optional.of(n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ":" + lineNo + ": " + what + " must be a positive integer, got: " + text);
    }
  }

  private static Map<String, Wanted> readTopicsFile(Path file) throws Exception {
    Map<String, Wanted> wanted = new LinkedHashMap<>();
    int lineNo = 0;
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      String line = raw.replaceFirst("#.*$", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+");
      List<Integer> numbers = new ArrayList<>();
      Map<String, String> configs = new LinkedHashMap<>();
      String[] what = {"partitions", "replicas", "min.insync.replicas"};
      for (int i = 1; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq > 0) {
          configs.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
          continue;
        }
        if (!configs.isEmpty() || numbers.size() == 3) {
          throw new IllegalArgumentException(file + ":" + lineNo
              + ": expected 'topic [partitions [replicas [min.insync.replicas]]] [key=value ...]', got: " + raw);
        }
        numbers.add(positive(file, lineNo, what[numbers.size()], parts[i]).get());
      }
      Optional<Integer> partitions = numbers.size() > 0 ? Optional.of(numbers.get(0)) : Optional.empty();
      Optional<Integer> replicas = numbers.size() > 1 ? Optional.of(numbers.get(1)) : Optional.empty();
      Optional<Integer> minIsr = numbers.size() > 2 ? Optional.of(numbers.get(2)) : Optional.empty();
      wanted.put(parts[0], new Wanted(partitions, replicas, minIsr, configs));
    }
    return wanted;
  }

  private static int createTopics(String bootstrap, Path file) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      return createTopics(admin, file);
    }
  }

  private static int createTopics(Admin admin, Path file) throws Exception {
    Map<String, Wanted> wanted;
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
    int brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
    List<NewTopic> toCreate = new ArrayList<>();
    for (Map.Entry<String, Wanted> e : wanted.entrySet()) {
      if (!existing.contains(e.getKey())) {
        Wanted w = e.getValue();
        Map<String, String> configs = new LinkedHashMap<>(w.configs());
        Optional<Short> factor = Optional.empty();
        if (w.replicas().isPresent()) {
          int[] rep = replicationOn(w.replicas().get(), w.minIsr().orElse(1), brokers);
          factor = Optional.of((short) rep[0]);
          configs.put("min.insync.replicas", Integer.toString(rep[1]));
        }
        toCreate.add(new NewTopic(e.getKey(), w.partitions(), factor).configs(configs));
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
        Optional<Integer> replicas = wanted.get(name).replicas();
        int copies = descs.get(name).partitions().get(0).replicas().size();
        if (replicas.isPresent() && replicationOn(replicas.get(), 1, brokers)[0] != copies) {
          System.err.println("kafka.sh: warning: topic " + name + " has " + copies + " replicas, "
              + replicationOn(replicas.get(), 1, brokers)[0] + " expected on " + brokers + " brokers (left as is)");
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

  private static String ids(List<Node> nodes) {
    return nodes.stream().map(n -> Integer.toString(n.id())).reduce((a, b) -> a + "," + b).orElse("");
  }

  /** "partition P leader L replicas R1,R2,R3 isr I1,I2" for each partition of TOPIC. */
  private static int describeTopic(String bootstrap, String topic) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      TopicDescription desc = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
      for (TopicPartitionInfo p : desc.partitions()) {
        System.out.println("partition " + p.partition() + " leader " + (p.leader() == null ? -1 : p.leader().id())
            + " replicas " + ids(p.replicas()) + " isr " + ids(p.isr()));
      }
      return 0;
    }
  }

  private static String replicaLine(String role, QuorumInfo.ReplicaState r) {
    return role + " " + r.replicaId() + " directory " + r.replicaDirectoryId() + " log-end " + r.logEndOffset();
  }

  /** "leader ID", then "voter ID directory UUID log-end N" and "observer ..." lines. */
  private static int quorum(String bootstrap) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      QuorumInfo q = admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS);
      System.out.println("leader " + q.leaderId() + " epoch " + q.leaderEpoch() + " high-watermark " + q.highWatermark());
      q.voters().forEach(v -> System.out.println(replicaLine("voter", v)));
      q.observers().forEach(o -> System.out.println(replicaLine("observer", o)));
      return 0;
    }
  }

  /**
   * A node whose storage was lost and formatted anew (same node id, new directory id) runs as an
   * observer of the metadata quorum; this removes the voter with its old directory and adds it
   * back with the new one (KIP-853, a dynamic quorum), once it has caught up with the log.
   */
  private static int replaceVoter(String bootstrap, int nodeId, String controllerAddress) throws Exception {
    int colon = controllerAddress.lastIndexOf(':');
    String host = controllerAddress.substring(0, colon);
    int port = Integer.parseInt(controllerAddress.substring(colon + 1));
    try (Admin admin = admin(bootstrap)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      for (;;) {
        QuorumInfo q = admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS);
        Optional<QuorumInfo.ReplicaState> fresh = q.observers().stream()
            .filter(o -> o.replicaId() == nodeId).findFirst();
        Optional<QuorumInfo.ReplicaState> old = q.voters().stream()
            .filter(v -> v.replicaId() == nodeId).findFirst();
        if (fresh.isEmpty()) {
          if (old.isPresent() && q.observers().stream().noneMatch(o -> o.replicaId() == nodeId)) {
            System.out.println("kafka.sh: node " + nodeId + " is a voter with directory " + old.get().replicaDirectoryId()
                + " and no observer of that id: nothing to replace");
            return 0;
          }
          System.err.println("kafka.sh: node " + nodeId + " is not an observer of the quorum (is it running?)");
          return 1;
        }
        if (fresh.get().logEndOffset() < q.highWatermark() - 100 && System.nanoTime() < deadline) {
          Thread.sleep(500); // let it catch up before it may vote
          continue;
        }
        Uuid newDir = fresh.get().replicaDirectoryId();
        if (old.isPresent()) {
          admin.removeRaftVoter(nodeId, old.get().replicaDirectoryId()).all().get(30, TimeUnit.SECONDS);
          System.out.println("kafka.sh: removed voter " + nodeId + " (directory " + old.get().replicaDirectoryId() + ")");
        }
        admin.addRaftVoter(nodeId, newDir, Set.of(new RaftVoterEndpoint("CONTROLLER", host, port)))
            .all().get(30, TimeUnit.SECONDS);
        System.out.println("kafka.sh: added voter " + nodeId + " (directory " + newDir + ", " + controllerAddress + ")");
        return 0;
      }
    }
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
