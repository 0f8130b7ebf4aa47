package dev.rvjar.machine;

import dev.rvjar.memory.Region;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A machine's state as bytes: a magic and version, the hart's registers, counters and CSRs, whether
 * it stopped and its exit status, then each writable region by name and size with its contents.
 * Read-only regions (the ROM) come from the program and are not saved.
 */
final class Snapshots {
    private static final int MAGIC = 0x72766A53;   // "rvjS"
    private static final int VERSION = 1;

    private Snapshots() {
    }

    static byte[] write(Machine machine) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            Cpu cpu = machine.cpu();
            for (int value : cpu.x) {
                out.writeInt(value);
            }
            for (long value : cpu.f) {
                out.writeLong(value);
            }
            for (int value : cpu.pmp) {
                out.writeInt(value);
            }
            int[] words = {cpu.pc, cpu.fflags, cpu.frm, cpu.mstatus, cpu.mtvec, cpu.mtvecWritten ? 1 : 0, cpu.mepc,
                cpu.mcause, cpu.mtval, cpu.mscratch, cpu.mie, cpu.mip, machine.stopped() ? 1 : 0, machine.exitStatus()};
            for (int value : words) {
                out.writeInt(value);
            }
            out.writeLong(cpu.instret);
            out.writeLong(cpu.cycleOffset);
            out.writeLong(cpu.instretOffset);
            for (Region region : machine.memory().regions()) {
                if (region.writable()) {
                    out.writeUTF(region.name());
                    out.writeInt(region.size());
                    out.write(region.contents());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    static void read(Machine machine, byte[] snapshot) {
        Cpu cpu = new Cpu();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not an rvjar machine snapshot");
            }
            for (int i = 0; i < cpu.x.length; i++) {
                cpu.x[i] = in.readInt();
            }
            for (int i = 0; i < cpu.f.length; i++) {
                cpu.f[i] = in.readLong();
            }
            for (int i = 0; i < cpu.pmp.length; i++) {
                cpu.pmp[i] = in.readInt();
            }
            cpu.pc = in.readInt();
            cpu.fflags = in.readInt();
            cpu.frm = in.readInt();
            cpu.mstatus = in.readInt();
            cpu.mtvec = in.readInt();
            cpu.mtvecWritten = in.readInt() != 0;
            cpu.mepc = in.readInt();
            cpu.mcause = in.readInt();
            cpu.mtval = in.readInt();
            cpu.mscratch = in.readInt();
            cpu.mie = in.readInt();
            cpu.mip = in.readInt();
            boolean stopped = in.readInt() != 0;
            int exitStatus = in.readInt();
            cpu.instret = in.readLong();
            cpu.cycleOffset = in.readLong();
            cpu.instretOffset = in.readLong();
            byte[][] contents = new byte[machine.memory().regions().size()][];
            for (int i = 0; i < contents.length; i++) {
                Region region = machine.memory().regions().get(i);
                if (region.writable()) {
                    if (!in.readUTF().equals(region.name()) || in.readInt() != region.size()) {
                        throw new IllegalArgumentException("the snapshot is of a machine with another memory map");
                    }
                    contents[i] = in.readNBytes(region.size());
                    if (contents[i].length != region.size()) {
                        throw new IllegalArgumentException("a truncated machine snapshot");
                    }
                }
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("the snapshot is of a machine with another memory map");
            }
            // checked whole before anything changes; memory goes in with guest stores so that
            // translated code in writable memory sees what changed
            for (int i = 0; i < contents.length; i++) {
                if (contents[i] != null) {
                    machine.memory().write(machine.memory().regions().get(i).base(), contents[i]);
                }
            }
            machine.cpu().copyFrom(cpu);
            machine.restoreStatus(stopped, exitStatus);
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated machine snapshot", e);
        }
    }
}
