package cn.foi.query.web;

import cn.foi.platform.security.CurrentUser;
import cn.foi.platform.security.FoiUser;
import cn.foi.platform.web.NotFoundException;
import cn.foi.query.directory.DirectoryProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "系统管理")
public class DirectoryQueryController {

    private final DirectoryProjection directory;
    private final ReadAccess access;

    public DirectoryQueryController(DirectoryProjection directory, ReadAccess access) {
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/agencies")
    @Operation(summary = "机关列表（管理员看到全部，主管看到本机关及下级机关，经办人看到本机关）")
    public List<DirectoryProjection.AgencyRow> agencies() {
        FoiUser user = CurrentUser.get();
        return directory.agencies().stream().filter(a -> access.mayRead(user, a.code())).toList();
    }

    @GetMapping("/agencies/{code}")
    @Operation(summary = "一个机关")
    public DirectoryProjection.AgencyRow agency(@PathVariable String code) {
        return directory.agency(code)
                .filter(a -> access.mayRead(CurrentUser.get(), a.code()))
                .orElseThrow(() -> new NotFoundException("未找到编码为 " + code + " 的机关"));
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "用户列表（仅管理员）")
    public List<DirectoryProjection.UserRow> users() {
        return directory.users();
    }
}
