package io.cairn.load;

/** A JVM for {@link ServerProfileTest} to fail to attach to: says it is up, then waits. */
public final class AttachDisabledMain {
  private AttachDisabledMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("up");
    System.out.flush();
    Thread.sleep(60_000);
  }
}
